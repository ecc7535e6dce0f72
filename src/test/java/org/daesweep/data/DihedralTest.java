package org.daesweep.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DihedralTest {
    @Test
    void eachTransformIsUndoneByItsInverse() {
        ImageSet square = new ImageSet(ramp(2 * 9), 2, 3, 3);
        ImageSet wide = new ImageSet(ramp(2 * 6), 2, 2, 3);
        assertEquals(8, Dihedral.count(3, 3));
        assertEquals(4, Dihedral.count(2, 3));
        for (ImageSet images : new ImageSet[]{square, wide}) {
            for (int t = 0; t < Dihedral.count(images.height(), images.width()); t++) {
                assertArrayEquals(images.pixels(), Dihedral.invert(Dihedral.apply(images, t), t).pixels(), "t=" + t);
            }
        }
    }

    @Test
    void theTransformsAreTheFlipsAndQuarterTurnsAsWorkedOutByHand() {
        // 1 2 3
        // 4 5 6
        // 7 8 9
        ImageSet image = new ImageSet(new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3);
        assertArrayEquals(new float[]{3, 2, 1, 6, 5, 4, 9, 8, 7}, Dihedral.apply(image, 1).pixels(), "left-right");
        assertArrayEquals(new float[]{7, 8, 9, 4, 5, 6, 1, 2, 3}, Dihedral.apply(image, 2).pixels(), "up-down");
        assertArrayEquals(new float[]{1, 4, 7, 2, 5, 8, 3, 6, 9}, Dihedral.apply(image, 4).pixels(), "transpose");
        assertArrayEquals(new float[]{3, 6, 9, 2, 5, 8, 1, 4, 7}, Dihedral.apply(image, 5).pixels(), "a quarter turn left");
        Set<String> distinct = new HashSet<>();
        for (int t = 0; t < 8; t++) {
            distinct.add(Arrays.toString(Dihedral.apply(image, t).pixels()));
        }
        assertEquals(8, distinct.size(), "eight different images");
    }

    @Test
    void eachImageGetsItsOwnTransform() {
        ImageSet images = new ImageSet(ramp(3 * 9), 3, 3, 3);
        int[] transforms = {5, 0, 2};
        ImageSet each = Dihedral.applyEach(images, transforms);
        for (int n = 0; n < 3; n++) {
            assertArrayEquals(Dihedral.apply(images.select(new int[]{n}), transforms[n]).pixels(),
                    each.select(new int[]{n}).pixels(), "image " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> Dihedral.applyEach(images, new int[]{1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Dihedral.applyEach(new ImageSet(ramp(6), 1, 2, 3), new int[]{4}), "no quarter turn of a 2x3 image");
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }
}
