package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class BatchesTest {
    private static ImageSet numbered(int count) {
        float[] pixels = new float[count * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        return new ImageSet(pixels, count, 2, 3);
    }

    @Test
    void gathersTheImagesOfTheOrderIntoOneReusedTensor() {
        ImageSet images = numbered(5);
        int[] order = {4, 0, 3, 1, 2};
        Batches batches = new Batches();
        INDArray first = batches.gather(images, order, 0, 2);
        assertArrayEquals(new long[]{2, 1, 2, 3}, first.shape());
        assertArrayEquals(new float[]{24, 25, 26, 27, 28, 29, 0, 1, 2, 3, 4, 5}, first.data().asFloat());
        INDArray second = batches.gather(images, order, 2, 4);
        assertSame(first, second);
        assertArrayEquals(new float[]{18, 19, 20, 21, 22, 23, 6, 7, 8, 9, 10, 11}, second.data().asFloat());
        // The last, smaller batch has a tensor of its own.
        assertArrayEquals(new float[]{12, 13, 14, 15, 16, 17}, batches.gather(images, order, 4, 5).data().asFloat());
    }
}
