package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.util.SplittableRandom;

/** Standard normal draws from a SplittableRandom (which, unlike Random, has no nextGaussian on Java 17). */
final class Gaussians {
    private Gaussians() {
    }

    /** {@code clean} plus std x N(0,1) on every pixel, clipped to [0,1] or left as drawn. */
    static ImageSet add(ImageSet clean, double std, boolean clip, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] in = clean.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i] + std * next(random);
            out[i] = clip ? Pixels.clip(v) : (float) v;
        }
        return new ImageSet(out, clean.count(), clean.height(), clean.width());
    }

    /** Marsaglia's polar method; the second value of each pair is dropped to keep the state simple. */
    static double next(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = random.nextDouble() * 2 - 1;
            v = random.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
