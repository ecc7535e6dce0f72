package org.daesweep.noise;

import java.util.OptionalDouble;
import org.daesweep.data.ImageSet;

/** Adds factor x N(0,1) to every pixel and clips to [0,1], as the reference study does. */
public record GaussianNoise(double factor) implements NoiseModel {
    public GaussianNoise {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("gaussian noise factor must be >= 0, got " + factor);
        }
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        return Gaussians.add(clean, factor, true, seed);
    }

    @Override
    public String describe() {
        return "gaussian(" + factor + ")";
    }

    @Override
    public OptionalDouble strongestGaussianStd() {
        return OptionalDouble.of(factor);
    }
}
