package org.daesweep.training;

import org.daesweep.model.DenoisingNetwork;

import java.util.List;

/** What one training run produced: the network as trained, its epochs, and how it ended. */
public record TrainingRun(DenoisingNetwork network, List<EpochStats> epochs, TrialStatus status, String message) {
    /** Lowest validation MSE over the epochs, NaN if none. */
    public double bestValidationMse() {
        return EpochStats.bestValidationMse(epochs);
    }
}
