package org.daesweep.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoiseLevelTest {
    /** A smooth picture (a ramp and a soft disc) with white Gaussian noise of {@code sigma}. */
    static float[] noisyRamp(int side, double sigma, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double disc = Math.hypot(x - side / 2.0, y - side / 2.0) < side / 4.0 ? 0.3 : 0;
                pixels[y * side + x] = (float) (0.2 + 0.4 * x / side + disc + sigma * random.nextGaussian());
            }
        }
        return pixels;
    }

    @Test
    void theEstimateFindsTheNoiseOfASmoothPicture() {
        for (double sigma : new double[]{5 / 255.0, 25 / 255.0, 50 / 255.0}) {
            double estimate = NoiseLevel.estimate(noisyRamp(128, sigma, 7), 128, 128);
            assertEquals(sigma, estimate, 0.1 * sigma, "sigma " + sigma * 255);
        }
        assertTrue(NoiseLevel.estimate(noisyRamp(128, 0, 7), 128, 128) < 1 / 255.0, "a clean picture");
        assertEquals(0, NoiseLevel.estimate(new float[]{0.5f}, 1, 1), "too small to say");
    }
}
