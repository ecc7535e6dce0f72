package org.daesweep.training;

import org.daesweep.TestData;
import org.daesweep.data.ImageSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollapseTest {
    private final ImageSet clean = TestData.strokeImages(200, 16, 16);

    private Optional<String> diagnose(float[] predicted) {
        return Collapse.diagnose(predicted, clean.pixels(), clean.count(), clean.imageSize());
    }

    @Test
    void blackOutputIsACollapse() {
        Optional<String> d = diagnose(new float[clean.pixels().length]);
        assertTrue(d.isPresent() && d.get().contains("barely depends on the input"), d.toString());
    }

    @Test
    void theSameImageForEveryInputIsACollapse() {
        // The per-pixel mean image: the best constant output, with a loss well below black's.
        int size = clean.imageSize();
        float[] mean = new float[size];
        for (int i = 0; i < clean.count(); i++) {
            for (int p = 0; p < size; p++) {
                mean[p] += clean.pixels()[i * size + p] / clean.count();
            }
        }
        float[] predicted = new float[clean.pixels().length];
        for (int i = 0; i < clean.count(); i++) {
            System.arraycopy(mean, 0, predicted, i * size, size);
        }
        assertTrue(diagnose(predicted).isPresent());
    }

    @Test
    void outputDimmerThanBlackIsACollapseEvenIfItVaries() {
        // Varies with the input but is further from the targets than black is.
        float[] predicted = clean.pixels().clone();
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = 1 - predicted[i];
        }
        Optional<String> d = diagnose(predicted);
        assertTrue(d.isPresent() && d.get().contains("all-black level"), d.toString());
    }

    @Test
    void aRealDenoiserOutputIsNot() {
        Random random = new Random(1);
        float[] predicted = clean.pixels().clone();
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = Math.min(1, Math.max(0, predicted[i] + (float) (random.nextGaussian() * 0.1)));
        }
        assertEquals(Optional.empty(), diagnose(predicted));
        float[] blurred = Arrays.copyOf(predicted, predicted.length);
        for (int i = 1; i < blurred.length; i++) {
            blurred[i] = 0.5f * (predicted[i] + predicted[i - 1]);
        }
        assertEquals(Optional.empty(), diagnose(blurred));
    }
}
