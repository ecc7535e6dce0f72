package org.daesweep.training;

import org.daesweep.search.TrialSpec;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of one trial as the trials table records it. A failed trial is a result too,
 * with its message, so one bad configuration never sinks a sweep.
 */
public record TrialResult(TrialSpec spec, TrialStatus status, List<EpochStats> epochs, long parameterCount,
                          double seconds, String error, String executor, String host) implements Serializable {

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
}
