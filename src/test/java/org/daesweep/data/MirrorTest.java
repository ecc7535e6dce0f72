package org.daesweep.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MirrorTest {
    @Test
    void reflectsLikeNumpysReflectMode() {
        // numpy.pad(np.arange(4), 6, mode='reflect') = [0 1 2 3 2 1 | 0 1 2 3 | 2 1 0 1 2 3]
        int[] expected = {0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3};
        for (int i = -6; i < 10; i++) {
            assertEquals(expected[i + 6], Mirror.index(i, 4), "position " + i);
        }
        assertEquals(0, Mirror.index(5, 1));
    }

    @Test
    void aWindowPastTheBottomAndRightReflectsAndHoldsThePlaneAtItsCorner() {
        float[] plane = {1, 2, 3, 4, 5, 6};
        float[] padded = Mirror.window(plane, 2, 3, 0, 0, 4, 4);
        assertArrayEquals(new float[]{1, 2, 3, 2, 4, 5, 6, 5, 1, 2, 3, 2, 4, 5, 6, 5}, padded);
        float[] corner = new float[6];
        for (int y = 0; y < 2; y++) {
            System.arraycopy(padded, y * 4, corner, y * 3, 3);
        }
        assertArrayEquals(plane, corner);
    }
}
