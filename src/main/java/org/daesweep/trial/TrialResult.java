package org.daesweep.trial;


import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The outcome of one trial so far, as the trials table records it. A failed trial is a result
 * too, with its message, so one bad configuration never sinks a sweep.
 *
 * @param epochs            every full epoch the trial has run, over all its rungs
 * @param epochsTrained     epochs trained, fractional when the last rung ended mid-epoch
 * @param lastValidationMse validation MSE where training stopped, NaN if not measured
 * @param seconds           training time over all its rungs
 * @param rung              the last rung the trial completed (index into the scheduler's rungs), -1 if none
 * @param rungObjectives    what the trial reported at each rung it completed
 */
public record TrialResult(TrialSpec spec, TrialStatus status, List<EpochStats> epochs, double epochsTrained,
                          double lastValidationMse, long parameterCount, double seconds, String error, String executor,
                          String host, int rung, List<Double> rungObjectives) implements Serializable {

    public TrialResult {
        epochs = List.copyOf(epochs);
        rungObjectives = List.copyOf(rungObjectives);
    }

    /** A trial the loop has started and nothing has come back from yet. */
    public static TrialResult started(TrialSpec spec) {
        return unmeasured(spec, TrialStatus.OK, List.of(), "", "", "");
    }

    /** A piece that ended without a network to measure: the epochs it had, and why. */
    public static TrialResult unmeasured(TrialSpec spec, TrialStatus status, List<EpochStats> epochs, String error,
                                     String executor, String host) {
        return new TrialResult(spec, status, epochs, epochs.size(), Double.NaN, 0, 0, error, executor, host, -1,
                List.of());
    }

    /**
     * @param lastRung   the scheduler's last rung (the full budget)
     * @param searchOver whether the search has ended, so that a trial left at a rung stays there
     */
    public TrialStage stage(int lastRung, boolean searchOver) {
        if (status != TrialStatus.OK) {
            return TrialStage.STOPPED;
        }
        if (rung == lastRung) {
            return TrialStage.COMPLETED;
        }
        return searchOver ? TrialStage.PRUNED : TrialStage.PAUSED;
    }

    /**
     * The highest rung that at least {@code count} ok trials have completed (BOHB's rule for which
     * rung to learn from), or the first when no rung has that many.
     */
    public static int highestRungCompletedBy(Collection<TrialResult> trials, int count) {
        int[] rungs = trials.stream().filter(t -> t.status == TrialStatus.OK && t.rung >= 0)
                .mapToInt(TrialResult::rung).sorted().toArray();
        return rungs.length < count ? 0 : rungs[rungs.length - count];
    }

    /** Lowest validation MSE measured: the sweep's objective. NaN when there is none. */
    public double bestValidationMse() {
        return EpochStats.lowest(EpochStats.bestValidationMse(epochs), lastValidationMse);
    }

    /**
     * This piece's result as the trial's: the time of every piece so far, and the rung it
     * completed with the objective it reported there (a failed piece completes none).
     */
    public TrialResult after(TrialResult earlier, int completedRung) {
        List<Double> objectives = new ArrayList<>(earlier.rungObjectives);
        if (completedRung > earlier.rung) {
            objectives.add(bestValidationMse());
        }
        return new TrialResult(spec, status, epochs, epochsTrained, lastValidationMse, parameterCount,
                earlier.seconds + seconds, error, executor, host, completedRung, objectives);
    }
}
