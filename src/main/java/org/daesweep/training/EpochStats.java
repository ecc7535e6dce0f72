package org.daesweep.training;

import java.io.Serializable;
import java.util.List;

/**
 * One epoch of one trial. {@code validationLoss} is in the trial's own loss; {@code validationMse}
 * is comparable across trials whatever loss they train with. NaN where there is no validation.
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationMse,
                         double seconds) implements Serializable {

    /** Lowest validation MSE over the epochs: a trial's objective. NaN when there is none. */
    public static double bestValidationMse(List<EpochStats> epochs) {
        return bestValidationMse(epochs, Integer.MAX_VALUE);
    }

    /** Lowest validation MSE over the first {@code upTo} epochs: what a trial reports at a rung ending there. */
    public static double bestValidationMse(List<EpochStats> epochs, int upTo) {
        return epochs.stream().filter(e -> e.epoch() <= upTo).mapToDouble(EpochStats::validationMse)
                .filter(Double::isFinite).min().orElse(Double.NaN);
    }
}
