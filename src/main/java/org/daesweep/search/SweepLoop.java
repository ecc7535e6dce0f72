package org.daesweep.search;

import org.daesweep.search.sampler.Sampler;
import org.daesweep.search.sampler.SearchHistory;
import org.daesweep.search.scheduler.Scheduler;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.search.stop.StopCondition;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's search loop, plain Java: keeps every task slot busy with either a paused trial
 * the {@link Scheduler} promotes or a new trial from the {@link Sampler}, until the trial
 * count is reached or a {@link StopCondition} ends the sweep, and reports every finished piece
 * (to the journal and the progress line) as soon as its slot has new work. Resumes from the
 * pieces an earlier run journaled.
 */
public final class SweepLoop {
    /** Sees every finished piece of training and where the loop stands. */
    public interface Listener {
        /**
         * A piece ended; {@code merged} is the trial's result so far (what to journal). Called
         * once the free slots have been given new work.
         */
        void pieceEnded(TrialPiece piece, TrialResult merged);

        /** Where the loop stands: after the free slots have been given new work, and every few seconds while it waits. */
        void progress(Counts counts);
    }

    /** Where the loop stands, for progress lines; {@code finished} once nothing runs or is left to start. */
    public record Counts(Trials trials, Spent spent, TrialResult best, boolean finished) {
    }

    /**
     * Trials started of {@code total}, running, paused; {@code ended}: those that ended without
     * a result (failed, collapsed, ...), by status.
     */
    public record Trials(int started, int total, int running, int paused, Map<TrialStatus, Integer> ended) {
    }

    /** Epochs trained and seconds passed so far; {@code secondsLeft}: the estimate to the end, NaN while unknown. */
    public record Spent(double epochs, double elapsedSeconds, double secondsLeft) {
    }

    private static final long WAIT_TICK_SECONDS = 5;

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
    private double epochsSpent;
    private final TimeLeft timeLeft = new TimeLeft();
    private int sinceImprovement;
    private TrialResult best;
    private String stopReason;
    private final Map<String, UnderWay> running = new HashMap<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private int nextIndex;

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
     * @param earlier the journaled pieces of an earlier run of this sweep, by trial id
     */
    public List<TrialResult> run(Map<String, TrialPiece> earlier, TrialExecutor executor, Listener listener) {
        earlier.values().stream().sorted(Comparator.comparingInt(s -> s.result().spec().index())).forEach(this::replay);
        nextIndex = results.values().stream().mapToInt(r -> r.spec().index() + 1).max().orElse(0);
        List<Finished> unreported = new ArrayList<>();
        for (boolean first = true; ; first = false) {
            fillFreeSlots(executor);
            // Reported once the slots a piece freed have their next work, so that the journal
            // write (a file on local or remote storage) never holds a slot idle.
            unreported.forEach(f -> listener.pieceEnded(f.piece(), f.merged()));
            unreported.clear();
            if (running.isEmpty()) {
                break;
            }
            if (!first) {
                listener.progress(counts(false));
            }
            executor.waiting();
            TrialPiece piece = take(() -> listener.progress(counts(false)));
            unreported.add(new Finished(piece, record(piece, running.remove(piece.result().spec().id()))));
        }
        listener.progress(counts(true));
        return results.values().stream().sorted(Comparator.comparingInt(r -> r.spec().index())).toList();
    }

    /** Gives every free slot work: a paused trial the scheduler promotes, else a new trial, while the budget allows. */
    private void fillFreeSlots(TrialExecutor executor) {
        if (stopReason == null) {
            stopReason = stop.reached(state()).orElse(null);
        }
        while (stopReason == null && running.size() < slots) {
            boolean entryClosed = results.size() >= maxTrials || !scheduler.admitsNewTrials();
            Optional<Scheduler.Promotion> promotion = scheduler.promote(results.size() >= maxTrials);
            if (promotion.isPresent()) {
                continuePaused(executor, promotion.get());
            } else if (!entryClosed) {
                startTrial(executor);
            } else {
                return;
            }
        }
    }

    private void continuePaused(TrialExecutor executor, Scheduler.Promotion promotion) {
        String id = promotion.trialId();
        TrialResult current = results.get(id);
        // A promotion a resumed run had already carried out: nothing to do.
        if (current.rung() != promotion.fromRung() || !paused.containsKey(id)) {
            return;
        }
        int rung = promotion.fromRung() + 1;
        stopReason = stop.refuses(state(), pieceEpochs(rung)).orElse(null);
        if (stopReason == null) {
            submit(executor, current.spec(), paused.remove(id), rung);
        }
    }

    private void startTrial(TrialExecutor executor) {
        stopReason = stop.refuses(state(), pieceEpochs(0)).orElse(null);
        if (stopReason == null) {
            TrialSpec spec = TrialSpec.of(nextIndex, sweepSeed, sampler.propose(space, nextIndex, searchSeed, history()));
            nextIndex++;
            scheduler.admitted(spec.id());
            results.put(spec.id(), TrialResult.started(spec));
            submit(executor, spec, null, 0);
        }
    }

    private StopCondition.SweepState state() {
        double underWay = running.values().stream().mapToDouble(p -> pieceEpochs(p.rung())).sum();
        return new StopCondition.SweepState(epochsSpent, underWay, elapsed(), sinceImprovement);
    }

    /** The epochs of training from the end of the rung before {@code rung} to its end. */
    private double pieceEpochs(int rung) {
        List<Double> ends = scheduler.rungs();
        return ends.get(rung) - (rung == 0 ? 0 : ends.get(rung - 1));
    }

    private Counts counts(boolean finished) {
        int waiting = (int) results.keySet().stream().filter(id -> paused.containsKey(id) && !running.containsKey(id)).count();
        Map<TrialStatus, Integer> ended = new EnumMap<>(TrialStatus.class);
        results.values().stream().filter(r -> r.status() != TrialStatus.OK)
                .forEach(r -> ended.merge(r.status(), 1, Integer::sum));
        return new Counts(new Trials(results.size(), maxTrials, running.size(), waiting, ended),
                new Spent(epochsSpent, elapsed(), secondsLeft()), best, finished);
    }

    /**
     * A trial is expected to train what the scheduler expects of the average trial; one that
     * ended (failed, collapsed, completed) trains nothing more.
     */
    private double secondsLeft() {
        double perTrial = scheduler.expectedEpochsPerTrial();
        double waitingEpochs = Math.max(0, maxTrials - results.size()) * perTrial;
        List<TimeLeft.Running> underWay = new ArrayList<>();
        long now = System.nanoTime();
        for (TrialResult r : results.values()) {
            double more = r.status() == TrialStatus.OK ? Math.max(0, perTrial - r.epochsTrained()) : 0;
            UnderWay piece = running.get(r.spec().id());
            if (piece != null) {
                underWay.add(new TimeLeft.Running(more, (now - piece.startNanos()) / 1e9));
            } else {
                waitingEpochs += more;
            }
        }
        return timeLeft.seconds(waitingEpochs, underWay, slots);
    }

    /** Why the loop ended early (a budget), or null when it ran every trial it could. */
    public String stopReason() {
        return stopReason;
    }

    private void submit(TrialExecutor executor, TrialSpec spec, Checkpoint from, int rung) {
        running.put(spec.id(), new UnderWay(rung, System.nanoTime()));
        executor.run(spec, from, scheduler.rungs().get(rung)).whenComplete((piece, error) -> done.add(new Done(piece, error)));
    }

    /** A piece under way: the rung it trains to, and when it was submitted. */
    private record UnderWay(int rung, long startNanos) {
    }

    /** A finished piece and the trial's result with it, to report. */
    private record Finished(TrialPiece piece, TrialResult merged) {
    }

    /** A finished piece, or what made the sweep unable to go on. */
    private record Done(TrialPiece piece, Throwable error) {
    }

    /** The next finished piece; {@code waiting} runs every few seconds until one comes, so long trials still show progress. */
    private TrialPiece take(Runnable waiting) {
        Done d;
        try {
            while ((d = done.poll(WAIT_TICK_SECONDS, TimeUnit.SECONDS)) == null) {
                waiting.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        if (d.error() != null) {
            throw d.error() instanceof RuntimeException re ? re : new CompletionException(d.error());
        }
        return d.piece();
    }

    /** The trials that have reported so far (their latest results) and those under way, for a sampler that learns. */
    private SearchHistory history() {
        return new SearchHistory(List.copyOf(results.values()), running.keySet().stream().map(id -> results.get(id).spec())
                .sorted(Comparator.comparingInt(TrialSpec::index)).toList());
    }

    /** Folds a finished piece into the trial's result and tells the scheduler. */
    private TrialResult record(TrialPiece finished, UnderWay piece) {
        int attempted = piece.rung();
        TrialResult r = finished.result();
        String id = r.spec().id();
        TrialResult earlier = results.get(id);
        boolean ok = r.status() == TrialStatus.OK;
        TrialResult merged = r.after(earlier, ok ? attempted : earlier.rung());
        results.put(id, merged);
        // A failed piece reports only the whole epochs it started from: its lost work is not known.
        double pieceEpochs = Math.max(0, r.epochsTrained() - earlier.epochsTrained());
        epochsSpent += pieceEpochs;
        timeLeft.finished((System.nanoTime() - piece.startNanos()) / 1e9, pieceEpochs);
        scheduler.reported(id, attempted, ok ? merged.rungObjectives().get(attempted) : Double.NaN);
        if (finished.checkpoint() != null) {
            paused.put(id, finished.checkpoint());
        }
        noteObjective(merged);
        return merged;
    }

    private void replay(TrialPiece journaled) {
        TrialResult r = journaled.result();
        results.put(r.spec().id(), r);
        scheduler.admitted(r.spec().id());
        for (int rung = 0; rung <= r.rung(); rung++) {
            scheduler.reported(r.spec().id(), rung, r.rungObjectives().get(rung));
        }
        if (r.status() != TrialStatus.OK) {
            scheduler.reported(r.spec().id(), r.rung() + 1, Double.NaN);
        }
        if (journaled.checkpoint() != null) {
            paused.put(r.spec().id(), journaled.checkpoint());
        }
        epochsSpent += r.epochsTrained();
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
