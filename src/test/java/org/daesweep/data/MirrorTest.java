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
    void padThenCropGivesThePlaneBack() {
        float[] plane = {1, 2, 3, 4, 5, 6};
        float[] padded = Mirror.pad(plane, 2, 3, 4, 4);
        assertArrayEquals(new float[]{1, 2, 3, 2, 4, 5, 6, 5, 1, 2, 3, 2, 4, 5, 6, 5}, padded);
        assertArrayEquals(plane, Mirror.crop(padded, 4, 4, 2, 3));
    }
}
