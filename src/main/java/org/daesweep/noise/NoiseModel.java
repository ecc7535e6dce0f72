package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.io.Serializable;
import java.util.OptionalDouble;

/**
 * Corrupts clean images. Implementations are deterministic in the seed, so the driver, every
 * executor and every rerun see the same noisy arrays.
 */
public interface NoiseModel extends Serializable {
    ImageSet apply(ImageSet clean, long seed);

    /** A short label for tables, e.g. {@code gaussian(0.5)}. */
    String describe();

    /**
     * The standard deviation on [0,1] of the strongest Gaussian noise this adds, what a model
     * trained on it can be expected to remove; empty for a noise that is not Gaussian.
     */
    default OptionalDouble strongestGaussianStd() {
        return OptionalDouble.empty();
    }
}
