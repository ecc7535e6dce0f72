package org.daesweep.noise;

import org.daesweep.TestData;
import org.daesweep.data.ImageSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoiseModelTest {
    private final ImageSet clean = TestData.strokeImages(50, 16, 16);

    @Test
    void everyModelIsDeterministicInTheSeedAndStaysInRange() {
        for (NoiseModel noise : List.of(new GaussianNoise(0.5), new SaltPepperNoise(0.1), new PoissonNoise(10),
                new MixedNoise(List.of(new GaussianNoise(0.3), new SaltPepperNoise(0.1))))) {
            float[] a = noise.apply(clean, 1).pixels();
            assertArrayEquals(a, noise.apply(clean, 1).pixels(), noise.describe());
            assertFalse(java.util.Arrays.equals(a, noise.apply(clean, 2).pixels()), noise.describe());
            for (float v : a) {
                assertTrue(v >= 0 && v <= 1, noise.describe() + " gave " + v);
            }
        }
    }

    @Test
    void gaussianNoiseHasTheConfiguredSpreadBeforeClipping() {
        // On mid-gray pixels clipping at 0 and 1 is rare for factor 0.1, so the std is ~0.1.
        float[] gray = new float[100_000];
        java.util.Arrays.fill(gray, 0.5f);
        float[] noisy = new GaussianNoise(0.1).apply(new ImageSet(gray, 1000, 10, 10), 3).pixels();
        double mean = 0, sq = 0;
        for (float v : noisy) {
            mean += v;
            sq += v * v;
        }
        mean /= noisy.length;
        double std = Math.sqrt(sq / noisy.length - mean * mean);
        assertEquals(0.5, mean, 0.002);
        assertEquals(0.1, std, 0.002);
    }

    @Test
    void saltPepperHitsTheConfiguredFraction() {
        float[] gray = new float[100_000];
        java.util.Arrays.fill(gray, 0.5f);
        float[] noisy = new SaltPepperNoise(0.2).apply(new ImageSet(gray, 1000, 10, 10), 3).pixels();
        long hit = 0;
        for (float v : noisy) {
            if (v == 0f || v == 1f) {
                hit++;
            }
        }
        assertEquals(0.2, hit / 100_000.0, 0.005);
    }

    @Test
    void aMixGivesEachImageOneOfItsNoises() {
        // Gaussian noise on mid-gray never lands exactly on 0 or 1 at factor 0.01; salt-and-pepper
        // leaves most pixels at 0.5 and sets the rest to exactly 0 or 1.
        float[] gray = new float[1000 * 100];
        java.util.Arrays.fill(gray, 0.5f);
        ImageSet noisy = new MixedNoise(List.of(new GaussianNoise(0.01), new SaltPepperNoise(0.3)))
                .apply(new ImageSet(gray, 1000, 10, 10), 5);
        int gaussian = 0;
        int saltPepper = 0;
        for (int i = 0; i < noisy.count(); i++) {
            float[] image = noisy.image(i);
            long untouched = 0;
            long extreme = 0;
            for (float v : image) {
                untouched += v == 0.5f ? 1 : 0;
                extreme += v == 0f || v == 1f ? 1 : 0;
            }
            if (untouched + extreme == image.length) {
                saltPepper++;
            } else if (extreme == 0) {
                gaussian++;
            }
        }
        assertEquals(1000, gaussian + saltPepper, "every image has exactly one of the two noises");
        assertEquals(500, gaussian, 60, "equal odds");
    }
}
