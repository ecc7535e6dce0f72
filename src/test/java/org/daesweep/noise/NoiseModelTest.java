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
                new MixedNoise(List.of(new GaussianNoise(0.3), new SaltPepperNoise(0.1))),
                new MixedNoise(List.of(new GaussianNoise(0.3), new NoNoise()), List.of(2.0, 1.0)),
                new NoiseRange(NoiseKind.GAUSSIAN, 0, 0.8), new NoiseRange(NoiseKind.POISSON, 5, 30))) {
            float[] a = noise.apply(clean, 1).pixels();
            assertArrayEquals(a, noise.apply(clean, 1).pixels(), noise.describe());
            assertFalse(java.util.Arrays.equals(a, noise.apply(clean, 2).pixels()), noise.describe());
            for (float v : a) {
                assertTrue(v >= 0 && v <= 1, noise.describe() + " gave " + v);
            }
        }
    }

    @Test
    void awgnIsTheLiteraturesNoiseSigmaOn255AddedUnclipped() {
        // On black and white pixels, half the draws leave [0,1]: nothing is clipped or rounded.
        float[] edges = new float[100_000];
        for (int i = 0; i < edges.length; i += 2) {
            edges[i] = 1f;
        }
        ImageSet image = new ImageSet(edges, 1000, 10, 10);
        float[] noisy = new AdditiveGaussianNoise(25).apply(image, 5).pixels();
        double sum = 0;
        double sq = 0;
        int outside = 0;
        for (int i = 0; i < noisy.length; i++) {
            double d = noisy[i] - edges[i];
            sum += d;
            sq += d * d;
            outside += noisy[i] < 0 || noisy[i] > 1 ? 1 : 0;
        }
        double mean = sum / noisy.length;
        assertEquals(0, mean, 0.001);
        assertEquals(25 / 255.0, Math.sqrt(sq / noisy.length - mean * mean), 0.001);
        assertEquals(0.5, outside / (double) noisy.length, 0.01);
        assertTrue(noisy[1] != Math.round(noisy[1] * 255) / 255f, "not rounded to 8 bits");
        assertEquals("awgn(25.0/255)", new AdditiveGaussianNoise(25).describe());
        assertEquals(new AdditiveGaussianNoise(50), NoiseSpec.parse("awgn:50"));
        assertEquals(new NoiseRange(NoiseKind.AWGN, 0, 55).describe(), "awgn(0.0..55.0)");
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
    void aMixGivesEachImageOneOfItsNoisesWithEqualOdds() {
        assertEquals(500, gaussianShare(new MixedNoise(List.of(new GaussianNoise(0.01), new SaltPepperNoise(0.3)))), 60);
    }

    @Test
    void aMixDrawsItsNoisesInProportionToTheirWeights() {
        assertEquals(750, gaussianShare(new MixedNoise(List.of(new GaussianNoise(0.01), new SaltPepperNoise(0.3)),
                List.of(3.0, 1.0))), 60);
        assertEquals(200, gaussianShare(new MixedNoise(List.of(new GaussianNoise(0.01), new SaltPepperNoise(0.3)),
                List.of(0.5, 2.0))), 60);
    }

    /**
     * How many of 1000 mid-gray images a Gaussian + salt-and-pepper mix gives Gaussian noise,
     * checking that each image got exactly one of the two: Gaussian noise on mid-gray never lands
     * exactly on 0 or 1 at factor 0.01; salt-and-pepper leaves most pixels at 0.5 and sets the
     * rest to exactly 0 or 1.
     */
    private static int gaussianShare(MixedNoise mix) {
        float[] gray = new float[1000 * 100];
        java.util.Arrays.fill(gray, 0.5f);
        ImageSet noisy = mix.apply(new ImageSet(gray, 1000, 10, 10), 5);
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
        return gaussian;
    }

    @Test
    void aRangeGivesEachImageItsOwnStrengthWithinTheEnds() {
        // Mid-gray images, so that clipping does not hide the spread: each image's own standard
        // deviation is its drawn factor, and the factors cover the range.
        int count = 400;
        float[] gray = new float[count * 400];
        java.util.Arrays.fill(gray, 0.5f);
        float[] noisy = new NoiseRange(NoiseKind.GAUSSIAN, 0.0, 0.1).apply(new ImageSet(gray, count, 20, 20), 5).pixels();
        double lowest = 1, highest = 0;
        for (int i = 0; i < count; i++) {
            double sq = 0;
            for (int p = 0; p < 400; p++) {
                double d = noisy[i * 400 + p] - 0.5;
                sq += d * d;
            }
            double std = Math.sqrt(sq / 400);
            assertTrue(std < 0.1 * 1.25, "image " + i + " std " + std);
            lowest = Math.min(lowest, std);
            highest = Math.max(highest, std);
        }
        assertTrue(lowest < 0.01 && highest > 0.09, lowest + " .. " + highest);
        assertEquals("gaussian(0.0..0.1)", new NoiseRange(NoiseKind.GAUSSIAN, 0.0, 0.1).describe());
    }

    @Test
    void noNoiseLeavesTheImagesAsTheyAre() {
        assertArrayEquals(clean.pixels(), new NoNoise().apply(clean, 7).pixels());
        assertEquals("none", new NoNoise().describe());
    }

    @Test
    void aRangeChecksItsEnds() {
        var reversed = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NoiseRange(NoiseKind.GAUSSIAN, 0.5, 0.1));
        assertEquals("a noise range needs min <= max, got 0.5 and 0.1", reversed.getMessage());
        var amount = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NoiseRange(NoiseKind.SALT_PEPPER, 0, 2));
        assertEquals("salt-and-pepper amount must be in [0,1], got 2.0", amount.getMessage());
    }
}
