package org.daesweep.training;

import org.daesweep.data.ImageSet;

import java.io.Serializable;

/**
 * Noisy inputs and clean targets for training, and optionally for validation. This is what the
 * driver broadcasts once per sweep.
 */
public record TrainingData(ImageSet noisyTrain, ImageSet cleanTrain, ImageSet noisyValidation,
                           ImageSet cleanValidation) implements Serializable {
    public TrainingData {
        requireSameShape(noisyTrain, cleanTrain, "training");
        if (noisyValidation != null || cleanValidation != null) {
            requireSameShape(noisyValidation, cleanValidation, "validation");
        }
    }

    public boolean hasValidation() {
        return noisyValidation != null;
    }

    /** Training and validation joined, with no validation: what the best configuration is retrained on. */
    public TrainingData merged() {
        if (!hasValidation()) {
            return this;
        }
        return new TrainingData(noisyTrain.concat(noisyValidation), cleanTrain.concat(cleanValidation), null, null);
    }

    public int height() {
        return cleanTrain.height();
    }

    public int width() {
        return cleanTrain.width();
    }

    private static void requireSameShape(ImageSet noisy, ImageSet clean, String what) {
        if (noisy == null || clean == null || noisy.count() != clean.count()
                || noisy.height() != clean.height() || noisy.width() != clean.width()) {
            throw new IllegalArgumentException(what + " inputs and targets differ in shape");
        }
    }
}
