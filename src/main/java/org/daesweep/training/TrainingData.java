package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.daesweep.data.ImageSize;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.NoiseModel;

import java.io.Serializable;

/**
 * Noisy inputs and clean targets for training, and optionally for validation. This is what the
 * driver broadcasts once per sweep.
 *
 * @param freshNoise when not null, training redraws the training inputs from the clean images
 *                   with this noise every epoch after the first
 * @param patches    when not null, the training images are crops of these, drawn afresh every
 *                   epoch after the first (the first epoch's are {@code cleanTrain}), with fresh noise;
 *                   a trial may ask for crops of another side or count ({@link #forTrial})
 */
public record TrainingData(ImageSet noisyTrain, ImageSet cleanTrain, ImageSet noisyValidation,
                           ImageSet cleanValidation, NoiseModel freshNoise, Patches patches) implements Serializable {
    public TrainingData(ImageSet noisyTrain, ImageSet cleanTrain, ImageSet noisyValidation, ImageSet cleanValidation,
                        NoiseModel freshNoise) {
        this(noisyTrain, cleanTrain, noisyValidation, cleanValidation, freshNoise, null);
    }

    public TrainingData {
        if (patches != null && freshNoise == null) {
            throw new IllegalArgumentException("patches drawn afresh need fresh noise");
        }
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
        return new TrainingData(noisyTrain.concat(noisyValidation), cleanTrain.concat(cleanValidation), null, null,
                freshNoise, patches == null ? null : patches.merged());
    }

    /**
     * What a trial trains on: this data, or, when the trial asks for crops of another side or
     * count than the sweep's, its own crops from the first epoch on, with fresh noise, as later
     * epochs draw them. Validation stays on the sweep's crops, so every trial is judged alike.
     */
    public TrainingData forTrial(Hyperparameters hp, long seed) {
        Patches own = patchesFor(hp);
        if (own == null || own.equals(patches)) {
            return this;
        }
        ImageSet crops = own.crops(seed, 1);
        return new TrainingData(freshNoise.apply(crops, EpochImages.noiseSeed(seed, 1)), crops, noisyValidation,
                cleanValidation, freshNoise, own);
    }

    /** The size of the images a trial trains on ({@link #forTrial}), known before its crops are cut. */
    public ImageSize trainingSize(Hyperparameters hp) {
        if (patches == null) {
            return new ImageSize(height(), width());
        }
        int side = patchesFor(hp).size();
        return new ImageSize(side, side);
    }

    /** How many images a trial trains on per epoch ({@link #forTrial}), known before its crops are cut. */
    public int trainingCount(Hyperparameters hp) {
        return patches == null ? cleanTrain.count() : patchesFor(hp).count();
    }

    /** The crops a trial asks for (the sweep's where it sets none), or null when the sweep trains on whole images. */
    private Patches patchesFor(Hyperparameters hp) {
        return patches == null ? null : patches.as(hp.patchSize(), hp.patchesPerImage());
    }

    /** Training only, without validation, e.g. a subset for a benchmark. */
    public static TrainingData trainingOnly(ImageSet noisy, ImageSet clean) {
        return new TrainingData(noisy, clean, null, null, null);
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
