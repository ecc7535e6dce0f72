package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.util.SplittableRandom;

/** Adds factor x N(0,1) to every pixel and clips to [0,1], as the reference study does. */
public record GaussianNoise(double factor) implements NoiseModel {
    public GaussianNoise {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("gaussian noise factor must be >= 0, got " + factor);
        }
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] in = clean.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Pixels.clip(in[i] + factor * Gaussians.next(random));
        }
        return new ImageSet(out, clean.count(), clean.height(), clean.width());
    }

    @Override
    public String describe() {
        return "gaussian(" + factor + ")";
    }
}
