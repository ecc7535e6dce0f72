package org.daesweep.training;

import org.daesweep.search.TrialSpec;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of one trial so far, as the trials table records it. A failed trial is a result
 * too, with its message, so one bad configuration never sinks a sweep.
 *
 * @param epochs  every epoch the trial has run, over all its rungs
 * @param seconds training time over all its rungs
 * @param rung    the last rung the trial completed (index into the scheduler's rungs), -1 if none
 */
public record TrialResult(TrialSpec spec, TrialStatus status, List<EpochStats> epochs, long parameterCount,
                          double seconds, String error, String executor, String host, int rung) implements Serializable {

    public TrialResult {
        epochs = List.copyOf(epochs);
    }

    /** Lowest validation MSE over the epochs: the sweep's objective. NaN when there is none. */
    public double bestValidationMse() {
        return EpochStats.bestValidationMse(epochs);
    }

    public int epochsRun() {
        return epochs.size();
    }

    /** This piece's result as the trial's: its rung, and the time of every piece so far. */
    public TrialResult after(TrialResult earlier, int completedRung) {
        return new TrialResult(spec, status, epochs, parameterCount, earlier.seconds + seconds, error, executor, host,
                completedRung);
    }
}
