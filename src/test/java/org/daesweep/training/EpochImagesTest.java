package org.daesweep.training;

import org.daesweep.data.Dihedral;
import org.daesweep.data.ImageSet;
import org.daesweep.noise.GaussianNoise;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpochImagesTest {
    private static final int COUNT = 64;
    private static final ImageSet CLEAN = ramps(COUNT, 5);
    private static final GaussianNoise NOISE = new GaussianNoise(0.3);
    private static final TrainingData DATA = TrainingData.trainingOnly(NOISE.apply(CLEAN, 1), CLEAN);
    private static final TrainingData FRESH = new TrainingData(DATA.noisyTrain(), CLEAN, null, null, NOISE);

    @Test
    void withoutAugmentationAnEpochTrainsOnTheDriversImages() {
        EpochImages first = EpochImages.of(DATA, false, 3, 1);
        assertSame(DATA.noisyTrain(), first.noisy());
        assertSame(CLEAN, first.clean());
        assertSame(DATA.noisyTrain(), EpochImages.of(DATA, false, 3, 5).noisy(), "no fresh noise was asked for");
        EpochImages second = EpochImages.of(FRESH, false, 3, 2);
        assertSame(CLEAN, second.clean());
        assertArrayEquals(NOISE.apply(CLEAN, 3 * 1_000_003L + 2).pixels(), second.noisy().pixels());
    }

    @Test
    void augmentationTurnsEachNoisyImageWithItsCleanTarget() {
        EpochImages epoch = EpochImages.of(DATA, true, 3, 1);
        Set<Integer> posesSeen = new HashSet<>();
        for (int n = 0; n < COUNT; n++) {
            int pose = poseOf(CLEAN.select(new int[]{n}), epoch.clean().select(new int[]{n}));
            posesSeen.add(pose);
            assertArrayEquals(Dihedral.apply(DATA.noisyTrain().select(new int[]{n}), pose).pixels(),
                    epoch.noisy().select(new int[]{n}).pixels(), "image " + n + ": the same turn as its target");
        }
        assertEquals(8, posesSeen.size(), "all eight poses among 64 images");
        assertArrayEquals(epoch.clean().pixels(), EpochImages.of(DATA, true, 3, 1).clean().pixels(),
                "the same seed and epoch, the same poses");
        assertFalse(Arrays.equals(epoch.clean().pixels(), EpochImages.of(DATA, true, 3, 2).clean().pixels()),
                "a new epoch, new poses");
    }

    @Test
    void freshNoiseIsDrawnOnTheTurnedImages() {
        EpochImages epoch = EpochImages.of(FRESH, true, 3, 2);
        assertTrue(!Arrays.equals(CLEAN.pixels(), epoch.clean().pixels()), "turned");
        assertArrayEquals(NOISE.apply(epoch.clean(), 3 * 1_000_003L + 2).pixels(), epoch.noisy().pixels());
    }

    /** Which transform takes {@code from} to {@code to}; the ramps make every pose distinct. */
    private static int poseOf(ImageSet from, ImageSet to) {
        for (int t = 0; t < 8; t++) {
            if (Arrays.equals(Dihedral.apply(from, t).pixels(), to.pixels())) {
                return t;
            }
        }
        throw new AssertionError("not a flip or turn of the original");
    }

    /** Images whose pixels all differ, so no two poses of one look alike. */
    private static ImageSet ramps(int count, int side) {
        float[] pixels = new float[count * side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % (side * side) + 1f) / (side * side + 1f) * ((i / (side * side)) % 3 + 1) / 3f;
        }
        return new ImageSet(pixels, count, side, side);
    }
}
