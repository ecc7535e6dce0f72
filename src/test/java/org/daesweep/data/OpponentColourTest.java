package org.daesweep.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Colours to opponent planes and back: lossless, inside [0, 1], gray without chroma, noise reduced. */
class OpponentColourTest {
    @Property(tries = 300)
    void anyColourGoesThereAndBackWithinTheUnitRange(
            @ForAll @Size(3) List<@FloatRange(min = 0, max = 1) Float> rgb) {
        Picture colour = new Picture(1, 1, new float[][]{{rgb.get(0)}, {rgb.get(1)}, {rgb.get(2)}}, null, 8);
        Picture opponent = OpponentColour.forward(colour);
        for (float[] plane : opponent.planes()) {
            assertTrue(plane[0] >= 0 && plane[0] <= 1, "inside [0, 1]: " + plane[0]);
        }
        Picture back = OpponentColour.inverse(opponent);
        for (int c = 0; c < 3; c++) {
            assertEquals(rgb.get(c), back.planes()[c][0], 1e-6);
        }
    }

    @Property(tries = 100)
    void grayHasNoChroma(@ForAll @FloatRange(min = 0, max = 1) float v) {
        Picture opponent = OpponentColour.forward(new Picture(1, 1, new float[][]{{v}, {v}, {v}}, null, 8));
        assertEquals(v, opponent.planes()[0][0], 1e-6);
        assertEquals(0.5f, opponent.planes()[1][0], 1e-6);
        assertEquals(0.5f, opponent.planes()[2][0], 1e-6);
    }

    @Test
    void whiteNoiseIsWeakerInEveryOpponentPlane() {
        int n = 200_000;
        float sigma = 0.1f;
        Random random = new Random(1);
        float[][] noise = new float[3][n];
        for (float[] plane : noise) {
            for (int i = 0; i < n; i++) {
                plane[i] = 0.5f + sigma * (float) random.nextGaussian();
            }
        }
        Picture opponent = OpponentColour.forward(new Picture(1, n, noise, null, Picture.FLOAT));
        double[] expected = {sigma / Math.sqrt(3), sigma * Math.sqrt(2) / 2, sigma * Math.sqrt(6) / 4};
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], std(opponent.planes()[c]), 0.01 * sigma, "plane " + c);
        }
        Picture gray = Picture.gray(new float[]{0.3f}, 1, 1);
        assertSame(gray, OpponentColour.forward(gray));
    }

    private static double std(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        return Math.sqrt(var);
    }
}
