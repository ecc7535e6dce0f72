package org.daesweep.search;

import org.daesweep.training.Checkpoint;
import org.daesweep.training.EpochStats;
import org.daesweep.training.TrialResult;
import org.daesweep.training.TrialStatus;
import org.daesweep.training.TrialStep;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The driver's search loop, plain Java: keeps every task slot busy with either a paused trial
 * the {@link Scheduler} promotes or a new trial from the {@link Sampler}, until the trial
 * count is reached or a {@link StopCondition} ends the sweep, and reports every finished piece
 * at once (to the journal and the progress line). Resumes from the steps an earlier run journaled.
 */
public final class SweepLoop {
    /** Sees every finished piece of training and where the loop stands. */
    public interface Listener {
        /** A piece ended; {@code merged} is the trial's result so far (what to journal). */
        void stepped(TrialStep step, TrialResult merged);

        /** Where the loop stands, after the free slots have been given new work. */
        void progress(Counts counts);
    }

    /** Where the loop stands, for progress lines; {@code finished} once nothing runs or is left to start. */
    public record Counts(int started, int total, int running, int paused, int failed, long epochsSpent,
                         TrialResult best, double elapsedSeconds, boolean finished) {
    }

    private final SearchSpace space;
    private final Sampler sampler;
    private final long searchSeed;
    private final long sweepSeed;
    private final Scheduler scheduler;
    private final StopCondition stop;
    private final int maxTrials;
    private final int slots;

    private final Map<String, TrialResult> results = new LinkedHashMap<>();
    private final Map<String, Checkpoint> paused = new HashMap<>();
    private final long startNanos = System.nanoTime();
    private long epochsSpent;
    private int sinceImprovement;
    private TrialResult best;
    private String stopReason;

    public SweepLoop(SearchSpace space, Sampler sampler, long searchSeed, long sweepSeed, Scheduler scheduler,
                     StopCondition stop, int maxTrials, int slots) {
        this.space = space;
        this.sampler = sampler;
        this.searchSeed = searchSeed;
        this.sweepSeed = sweepSeed;
        this.scheduler = scheduler;
        this.stop = stop;
        this.maxTrials = maxTrials;
        this.slots = slots;
    }

    /**
     * Runs the search and returns every trial's result, in trial order.
     *
     * @param earlier the journaled steps of an earlier run of this sweep, by trial id
     */
    public List<TrialResult> run(Map<String, TrialStep> earlier, TrialExecutor executor, Listener listener) {
        earlier.values().stream().sorted(Comparator.comparingInt(s -> s.result().spec().index())).forEach(this::replay);
        BlockingQueue<Done> done = new LinkedBlockingQueue<>();
        Set<String> running = new HashSet<>();
        int nextIndex = results.values().stream().mapToInt(r -> r.spec().index() + 1).max().orElse(0);
        boolean changed = false;
        while (true) {
            if (stopReason == null) {
                stopReason = stop.reached(new StopCondition.SweepState(epochsSpent, elapsed(), sinceImprovement))
                        .orElse(null);
            }
            while (stopReason == null && running.size() < slots) {
                boolean entryClosed = results.size() >= maxTrials || !scheduler.admitsNewTrials();
                Optional<Scheduler.Promotion> promotion = scheduler.promote(results.size() >= maxTrials);
                if (promotion.isPresent()) {
                    String id = promotion.get().trialId();
                    TrialResult current = results.get(id);
                    // A promotion a resumed run had already carried out: nothing to do.
                    if (current.rung() != promotion.get().fromRung() || !paused.containsKey(id)) {
                        continue;
                    }
                    submit(executor, current.spec(), paused.remove(id), promotion.get().fromRung() + 1, running, done);
                } else if (!entryClosed) {
                    TrialSpec spec = TrialSpec.of(nextIndex, sweepSeed,
                            sampler.propose(space, nextIndex, searchSeed, history()));
                    nextIndex++;
                    scheduler.admitted(spec.id());
                    results.put(spec.id(), new TrialResult(spec, TrialStatus.OK, List.of(), 0, 0, "", "", "", -1));
                    submit(executor, spec, null, 0, running, done);
                } else {
                    break;
                }
            }
            if (running.isEmpty()) {
                break;
            }
            if (changed) {
                listener.progress(counts(running, false));
            }
            TrialStep step = take(done);
            running.remove(step.result().spec().id());
            listener.stepped(step, record(step));
            changed = true;
        }
        listener.progress(counts(running, true));
        return results.values().stream().sorted(Comparator.comparingInt(r -> r.spec().index())).toList();
    }

    private Counts counts(Set<String> running, boolean finished) {
        int waiting = (int) results.keySet().stream().filter(id -> paused.containsKey(id) && !running.contains(id)).count();
        int failed = (int) results.values().stream().filter(r -> r.status() != TrialStatus.OK).count();
        return new Counts(results.size(), maxTrials, running.size(), waiting, failed, epochsSpent, best, elapsed(), finished);
    }

    /** Why the loop ended early (a budget), or null when it ran every trial it could. */
    public String stopReason() {
        return stopReason;
    }

    private void submit(TrialExecutor executor, TrialSpec spec, Checkpoint from, int rung,
                        Set<String> running, BlockingQueue<Done> done) {
        running.add(spec.id());
        executor.run(spec, from, scheduler.rungs().get(rung)).whenComplete((step, error) -> done.add(new Done(step, error)));
    }

    /** A finished piece, or what made the sweep unable to go on. */
    private record Done(TrialStep step, Throwable error) {
    }

    private static TrialStep take(BlockingQueue<Done> done) {
        Done d;
        try {
            d = done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        if (d.error() != null) {
            throw d.error() instanceof RuntimeException re ? re : new CompletionException(d.error());
        }
        return d.step();
    }

    /** The trials that have run so far (their latest results), for a sampler that learns from them. */
    private List<TrialResult> history() {
        return results.values().stream().filter(r -> r.epochsRun() > 0 || r.status() != TrialStatus.OK).toList();
    }

    /** Folds a finished piece into the trial's result and tells the scheduler. */
    private TrialResult record(TrialStep step) {
        TrialResult r = step.result();
        String id = r.spec().id();
        TrialResult earlier = results.get(id);
        int attempted = scheduler.rungs().indexOf(r.epochsRun());
        boolean ok = r.status() == TrialStatus.OK && attempted >= 0;
        int rung = ok ? attempted : earlier.rung();
        TrialResult merged = r.after(earlier, rung);
        results.put(id, merged);
        epochsSpent += r.epochsRun() - earlier.epochsRun();
        scheduler.reported(id, ok ? rung : Math.max(0, earlier.rung() + 1), ok ? merged.bestValidationMse() : Double.NaN);
        if (step.checkpoint() != null) {
            paused.put(id, step.checkpoint());
        }
        noteObjective(merged);
        return merged;
    }

    private void replay(TrialStep step) {
        TrialResult r = step.result();
        results.put(r.spec().id(), r);
        scheduler.admitted(r.spec().id());
        for (int rung = 0; rung <= r.rung(); rung++) {
            scheduler.reported(r.spec().id(), rung, EpochStats.bestValidationMse(r.epochs(), scheduler.rungs().get(rung)));
        }
        if (r.status() != TrialStatus.OK) {
            scheduler.reported(r.spec().id(), r.rung() + 1, Double.NaN);
        }
        if (step.checkpoint() != null) {
            paused.put(r.spec().id(), step.checkpoint());
        }
        epochsSpent += r.epochsRun();
        noteObjective(r);
    }

    private void noteObjective(TrialResult r) {
        if (r.status() == TrialStatus.OK && (best == null || r.bestValidationMse() < best.bestValidationMse())) {
            best = r;
            sinceImprovement = 0;
        } else {
            sinceImprovement++;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
