package org.daesweep.data;

import org.daesweep.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DataSplitTest {
    @Test
    void splitsDisjointlyWithTheReferenceProportions() {
        ImageSet images = TestData.strokeImages(1000, 8, 8);
        DataSplit split = DataSplit.of(images, new SplitSpec(0.2, 0.2, 42));
        assertEquals(200, split.test().count());
        assertEquals(160, split.validation().count());
        assertEquals(640, split.train().count());
        Set<Integer> test = new HashSet<>();
        Arrays.stream(split.testIndices()).forEach(test::add);
        assertEquals(200, test.size());
        // The test images are the source images at the recorded indices.
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(images.image(split.testIndices()[i]), split.test().image(i));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        ImageSet images = TestData.strokeImages(300, 8, 8);
        int[] a = DataSplit.of(images, new SplitSpec(0.2, 0.2, 42)).testIndices();
        int[] b = DataSplit.of(images, new SplitSpec(0.2, 0.2, 42)).testIndices();
        int[] c = DataSplit.of(images, new SplitSpec(0.2, 0.2, 43)).testIndices();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }
}
