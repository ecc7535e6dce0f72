package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.util.SplittableRandom;

/**
 * Shot noise: each pixel becomes Poisson(value x peak) / peak, clipped to [0,1]. A lower
 * peak (fewer photons) means stronger noise.
 */
public record PoissonNoise(double peak) implements NoiseModel {
    public PoissonNoise {
        if (!(peak > 0)) {
            throw new IllegalArgumentException("poisson peak must be > 0, got " + peak);
        }
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] in = clean.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Pixels.clip(poisson(in[i] * peak, random) / peak);
        }
        return new ImageSet(out, clean.count(), clean.height(), clean.width());
    }

    /** Knuth's method for small means, a normal approximation above 30 where it is accurate. */
    private static double poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * Gaussians.next(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    @Override
    public String describe() {
        return "poisson(" + peak + ")";
    }
}
