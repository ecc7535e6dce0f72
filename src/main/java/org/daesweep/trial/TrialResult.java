package org.daesweep.trial;


import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The outcome of one trial so far, as the trials table records it. A failed trial is a result
 * too, with its message, so one bad configuration never sinks a sweep. The journal stores it
 * flat, one field per accessor below ({@code results.TrialJournal}).
 *
 * @param error     why the trial failed or stopped, or ""
 * @param training  what its training measured
 * @param placement where its last piece ran
 * @param rungs     the rungs it completed and what it reported at each
 */
public record TrialResult(TrialSpec spec, TrialStatus status, String error, Training training, Placement placement,
                          Rungs rungs) implements Serializable {

    /**
     * @param epochs            every full epoch the trial has run, over all its rungs
     * @param epochsTrained     epochs trained, fractional when the last rung ended mid-epoch
     * @param lastValidationMse validation MSE where training stopped, NaN if not measured
     * @param parameterCount    the network's trained parameters, 0 if no network was built
     * @param seconds           training time over all its rungs
     */
    public record Training(List<EpochStats> epochs, double epochsTrained, double lastValidationMse, long parameterCount,
                           double seconds) implements Serializable {
        public Training {
            epochs = List.copyOf(epochs);
        }

        /** Epochs that ended without a network to measure. */
        public static Training unmeasured(List<EpochStats> epochs) {
            return new Training(epochs, epochs.size(), Double.NaN, 0, 0);
        }
    }

    /** The Spark executor and host of the trial's last piece ("" before one ran). */
    public record Placement(String executor, String host) implements Serializable {
    }

    /**
     * @param completed  the last rung the trial completed (index into the scheduler's rungs), -1 if none
     * @param objectives what the trial reported at each rung it completed
     */
    public record Rungs(int completed, List<Double> objectives) implements Serializable {
        public static final Rungs NONE = new Rungs(-1, List.of());

        public Rungs {
            objectives = List.copyOf(objectives);
        }
    }

    public List<EpochStats> epochs() {
        return training.epochs();
    }

    public double epochsTrained() {
        return training.epochsTrained();
    }

    public double lastValidationMse() {
        return training.lastValidationMse();
    }

    public long parameterCount() {
        return training.parameterCount();
    }

    public double seconds() {
        return training.seconds();
    }

    public String executor() {
        return placement.executor();
    }

    public String host() {
        return placement.host();
    }

    public int rung() {
        return rungs.completed();
    }

    public List<Double> rungObjectives() {
        return rungs.objectives();
    }

    /** A trial the loop has started and nothing has come back from yet. */
    public static TrialResult started(TrialSpec spec) {
        return unmeasured(spec, TrialStatus.OK, List.of(), "", "", "");
    }

    /** A piece that ended without a network to measure: the epochs it had, and why. */
    public static TrialResult unmeasured(TrialSpec spec, TrialStatus status, List<EpochStats> epochs, String error,
                                     String executor, String host) {
        return new TrialResult(spec, status, error, Training.unmeasured(epochs), new Placement(executor, host),
                Rungs.NONE);
    }

    /**
     * @param lastRung   the scheduler's last rung (the full budget)
     * @param searchOver whether the search has ended, so that a trial left at a rung stays there
     */
    public TrialStage stage(int lastRung, boolean searchOver) {
        if (status != TrialStatus.OK) {
            return TrialStage.STOPPED;
        }
        if (rung() == lastRung) {
            return TrialStage.COMPLETED;
        }
        return searchOver ? TrialStage.PRUNED : TrialStage.PAUSED;
    }

    /**
     * The highest rung that at least {@code count} ok trials have completed (BOHB's rule for which
     * rung to learn from), or the first when no rung has that many.
     */
    public static int highestRungCompletedBy(Collection<TrialResult> trials, int count) {
        int[] completed = trials.stream().filter(t -> t.status == TrialStatus.OK && t.rung() >= 0)
                .mapToInt(TrialResult::rung).sorted().toArray();
        return completed.length < count ? 0 : completed[completed.length - count];
    }

    /** Lowest validation MSE measured: the sweep's objective. NaN when there is none. */
    public double bestValidationMse() {
        return EpochStats.lowest(EpochStats.bestValidationMse(epochs()), lastValidationMse());
    }

    /**
     * This piece's result as the trial's: the time of every piece so far, and the rung it
     * completed with the objective it reported there (a failed piece completes none).
     */
    public TrialResult after(TrialResult earlier, int completedRung) {
        List<Double> objectives = new ArrayList<>(earlier.rungObjectives());
        if (completedRung > earlier.rung()) {
            objectives.add(bestValidationMse());
        }
        return new TrialResult(spec, status, error, new Training(epochs(), epochsTrained(), lastValidationMse(),
                parameterCount(), earlier.seconds() + seconds()), placement, new Rungs(completedRung, objectives));
    }
}
