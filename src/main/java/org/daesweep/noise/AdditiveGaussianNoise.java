package org.daesweep.noise;

import java.util.OptionalDouble;
import org.daesweep.data.ImageSet;

/**
 * White Gaussian noise as the denoising literature adds it: standard deviation {@code sigma} on
 * the 0-255 scale (sigma / 255 on pixels in [0,1]), added in floating point and neither clipped
 * nor rounded, so noisy pixels may leave [0,1]. What an 8-bit file can hold is {@link GaussianNoise}.
 */
public record AdditiveGaussianNoise(double sigma) implements NoiseModel {
    public AdditiveGaussianNoise {
        if (!(sigma >= 0 && sigma <= 255)) {
            throw new IllegalArgumentException("awgn sigma is on the 0-255 scale: 0 to 255, got " + sigma);
        }
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        return Gaussians.add(clean, sigma / 255, false, seed);
    }

    @Override
    public String describe() {
        return "awgn(" + sigma + "/255)";
    }

    @Override
    public OptionalDouble strongestGaussianStd() {
        return OptionalDouble.of(sigma / 255);
    }
}
