package org.daesweep.search.space;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaltonTest {
    /** The most and the fewest points in a cell of a k x k grid over two coordinates. */
    private static int[] fullestAndEmptiest(double[][] points, int a, int b, int k) {
        int[] count = new int[k * k];
        for (double[] p : points) {
            count[(int) (p[a] * k) * k + (int) (p[b] * k)]++;
        }
        return new int[]{Arrays.stream(count).max().orElseThrow(), Arrays.stream(count).min().orElseThrow()};
    }

    @Test
    void itsFirstPointsFillTheSpaceWhereRandomOnesClump() {
        double[][] halton = new double[64][];
        double[][] random = new double[64][];
        Random r = new Random(1);
        for (int i = 0; i < 64; i++) {
            halton[i] = new Halton(6, 7).point(i);
            random[i] = new double[]{r.nextDouble(), r.nextDouble()};
            for (double x : halton[i]) {
                assertTrue(x >= 0 && x < 1, "in [0, 1): " + x);
            }
        }
        // 4 points to each cell of a 4 x 4 grid on average; independent points clump and leave gaps.
        int[] even = fullestAndEmptiest(halton, 0, 1, 4);
        int[] clumped = fullestAndEmptiest(random, 0, 1, 4);
        assertTrue(even[0] <= 6 && even[1] >= 2, "Halton: cells of " + even[1] + " to " + even[0] + " points");
        assertTrue(clumped[0] > 6 || clumped[1] < 2, "random: cells of " + clumped[1] + " to " + clumped[0]);
        int[] high = fullestAndEmptiest(halton, 4, 5, 4);
        assertTrue(high[0] <= 7 && high[1] >= 1, "bases 11 and 13: cells of " + high[1] + " to " + high[0] + " points");
    }

    @Test
    void seedsGiveDifferentSequencesAndEachIsReproducible() {
        assertTrue(Arrays.equals(new Halton(3, 1).point(5), new Halton(3, 1).point(5)));
        assertFalse(Arrays.equals(new Halton(3, 1).point(5), new Halton(3, 2).point(5)));
    }
}
