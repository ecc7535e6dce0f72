package org.daesweep.training;

import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.ModelFile;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.PartialEpoch;
import org.daesweep.trial.TrialStatus;

import java.util.List;

/**
 * What one training run produced: the network as trained, its full epochs, how far into the next
 * one it got (null at an epoch's end), how it ended, and the validation MSE where it stopped
 * (at a rung that ends mid-epoch that is the only measurement of the last stretch).
 */
public record TrainingRun(DenoisingNetwork network, List<EpochStats> epochs, PartialEpoch partial, TrialStatus status,
                          String message, double lastValidationMse) {
    /** Lowest validation MSE measured, NaN if none. */
    public double bestValidationMse() {
        return EpochStats.lowest(EpochStats.bestValidationMse(epochs), lastValidationMse);
    }

    /** Epochs trained, fractional when the run stopped mid-epoch. */
    public double epochsTrained() {
        return PartialEpoch.epochsTrained(epochs.size(), partial);
    }

    /** Whether training goes on from here: the run ended well, short of its {@code budget} of epochs. */
    public boolean continues(int budget) {
        return status == TrialStatus.OK && epochsTrained() < budget;
    }

    /** The state a promoted trial continues from. */
    public Checkpoint checkpoint() {
        return new Checkpoint(epochs, partial, ModelFile.checkpoint(network));
    }
}
