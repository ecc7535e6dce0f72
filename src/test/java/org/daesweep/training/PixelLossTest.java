package org.daesweep.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PixelLossTest {
    private static final float[] PREDICTED = {0f, 0.5f, 1f, 0.25f};
    private static final float[] TARGET = {1f, 0.5f, 1f, 0f};

    @Test
    void mseAndL1SumTheSquaredAndAbsoluteErrors() {
        assertEquals(1 + 0 + 0 + 0.0625, PixelLoss.sum("mse", PREDICTED, TARGET), 1e-12);
        assertEquals(1 + 0 + 0 + 0.25, PixelLoss.sum("l1", PREDICTED, TARGET), 1e-12);
    }

    @Test
    void binaryCrossEntropyClampsCertaintyAwayFromInfinity() {
        // -[t ln p + (1-t) ln(1-p)] per pixel, p clamped to [1e-7, 1 - 1e-7]
        double expected = -Math.log(1e-7) - Math.log(0.5) - Math.log(1 - 1e-7) - Math.log(0.75);
        assertEquals(expected, PixelLoss.sum("bce", PREDICTED, TARGET), 1e-6);
    }

    @Test
    void anUnknownLossIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PixelLoss.sum("huber", PREDICTED, TARGET));
    }
}
