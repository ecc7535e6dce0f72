package org.daesweep.search.space;

import java.util.Random;

/**
 * A scrambled Halton sequence: points of the unit cube that fill it evenly from the first ones
 * on, where independent draws leave gaps and clumps. Each coordinate is the radical inverse of
 * the point's index in its own prime base, with the digits permuted and the result shifted by a
 * seeded amount, so seeds give different sequences and high bases lose the correlations of the
 * plain sequence's first points.
 */
public final class Halton {
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71};

    private final int[][] permutations;
    private final double[] shifts;

    /** @throws IllegalArgumentException beyond the dimensions it has bases for */
    public Halton(int dimensions, long seed) {
        if (dimensions > PRIMES.length) {
            throw new IllegalArgumentException("at most " + PRIMES.length + " dimensions, got " + dimensions);
        }
        Random random = new Random(seed);
        permutations = new int[dimensions][];
        shifts = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            int base = PRIMES[d];
            int[] p = new int[base];
            for (int i = 0; i < base; i++) {
                p[i] = i;
            }
            // Digit 0 stays 0, so the infinite run of leading zeros of every index adds nothing.
            for (int i = base - 1; i > 1; i--) {
                int j = 1 + random.nextInt(i);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            permutations[d] = p;
            shifts[d] = random.nextDouble();
        }
    }

    /** Point {@code index} (from 0), each coordinate in [0, 1). */
    public double[] point(long index) {
        double[] x = new double[permutations.length];
        for (int d = 0; d < x.length; d++) {
            int base = permutations[d].length;
            double scale = 1.0 / base;
            double v = 0;
            for (long n = index + 1; n > 0; n /= base, scale /= base) {
                v += permutations[d][(int) (n % base)] * scale;
            }
            x[d] = (v + shifts[d]) % 1.0;
        }
        return x;
    }
}
