package org.daesweep.trial;

import java.io.Serializable;
import java.util.List;

/**
 * One epoch of one trial. {@code validationLoss} is in the trial's own loss; {@code validationMse}
 * is comparable across trials whatever loss they train with. NaN where there is no validation.
 *
 * @param seconds                   the epoch's training time
 * @param endedAt                   when the epoch ended, milliseconds since 1970; 0 when not recorded
 * @param validationImagesPerSecond the validation pass's speed, the model's inference cost on one
 *                                  task's cores; 0 or NaN when not measured
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationMse,
                         double seconds, long endedAt, double validationImagesPerSecond) implements Serializable {

    /** Lowest validation MSE over the epochs: a trial's objective. NaN when there is none. */
    public static double bestValidationMse(List<EpochStats> epochs) {
        return epochs.stream().mapToDouble(EpochStats::validationMse).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    /** The lower of two measurements, either of which may be missing (NaN). */
    public static double lowest(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }
}
