package org.daesweep.denoise;

import org.daesweep.data.Picture;
import org.daesweep.model.TrainedOn;
import org.daesweep.noise.AdditiveGaussianNoise;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFitTest {
    private static final TrainedOn DIGITS = new TrainedOn(false, 0.13, 0.7, "mix(gaussian(0.0..0.7))");
    private static final TrainedOn PHOTOS = new TrainedOn(true, 0.45, 55 / 255.0, "mix(awgn(0.0..55.0))");

    private static List<Picture> photos(double sigma) {
        return IntStream.range(0, 4).mapToObj(i -> {
            Random random = new Random(i);
            float[] p = new float[256 * 256];
            for (int k = 0; k < p.length; k++) {
                p[k] = (float) (0.3 + 0.4 * (k % 256) / 256.0 + sigma * random.nextGaussian());
            }
            return Picture.gray(p, 256, 256);
        }).toList();
    }

    @Test
    void photographsGivenToADigitsModelAreNamedWithTheProfileThatFits() {
        Optional<String> note = ModelFit.check(photos(10 / 255.0), null, DIGITS, 28);
        assertTrue(note.isPresent() && note.get().contains("whole 28x28 images") && note.get().contains("conf/photos.conf")
                && !note.get().contains("\n"), note.toString());
    }

    @Test
    void noiseWithinWhatTheModelLearnedSaysNothing() {
        assertEquals(Optional.empty(), ModelFit.check(photos(25 / 255.0), null, PHOTOS, 64));
        assertEquals(Optional.empty(), ModelFit.check(photos(0), null, PHOTOS, 64), "clean photographs fit a blind model");
    }

    @Test
    void noiseBeyondWhatTheModelLearnedIsNamed() {
        Optional<String> note = ModelFit.check(photos(90 / 255.0), null, PHOTOS, 64);
        assertTrue(note.isPresent() && note.get().contains("beyond what it learned (up to 55)"), note.toString());
        Optional<String> added = ModelFit.check(photos(0), new AdditiveGaussianNoise(80), PHOTOS, 64);
        assertTrue(added.isPresent() && added.get().contains("sigma about 80"), "what --add-noise adds counts: " + added);
    }

    @Test
    void noSampleNoNote() {
        assertEquals(Optional.empty(), ModelFit.check(List.of(), null, DIGITS, 28));
    }
}
