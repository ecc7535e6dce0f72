package org.daesweep.training;

import java.io.Serializable;

/**
 * One epoch of one trial. {@code validationLoss} is in the trial's own loss; {@code validationMse}
 * is comparable across trials whatever loss they train with. NaN where there is no validation.
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationMse,
                         double seconds) implements Serializable {
}
