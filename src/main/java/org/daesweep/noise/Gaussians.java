package org.daesweep.noise;

import java.util.SplittableRandom;

/** Standard normal draws from a SplittableRandom (which, unlike Random, has no nextGaussian on Java 17). */
final class Gaussians {
    private Gaussians() {
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
