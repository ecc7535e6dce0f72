package org.daesweep.noise;

import java.util.OptionalDouble;
import org.daesweep.data.ImageSet;

/**
 * Clean images left as they are: a robustness row that says whether a model keeps a clean image
 * clean, and clean inputs in a training mix.
 */
public record NoNoise() implements NoiseModel {
    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        return clean;
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public OptionalDouble strongestGaussianStd() {
        return OptionalDouble.of(0);
    }
}
