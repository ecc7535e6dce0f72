package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies images into NCHW float tensors of one channel. */
final class Batches {
    private Batches() {
    }

    /** Images {@code order[from..to)} of the set as one [n,1,h,w] tensor. */
    static INDArray gather(ImageSet images, int[] order, int from, int to) {
        int size = images.imageSize();
        float[] buf = new float[(to - from) * size];
        float[] src = images.pixels();
        for (int i = from; i < to; i++) {
            System.arraycopy(src, order[i] * size, buf, (i - from) * size, size);
        }
        return Nd4j.create(buf, new long[]{to - from, 1, images.height(), images.width()}, 'c');
    }

    /** Images {@code [from..to)} in file order. */
    static INDArray range(ImageSet images, int from, int to) {
        int size = images.imageSize();
        float[] buf = new float[(to - from) * size];
        System.arraycopy(images.pixels(), from * size, buf, 0, buf.length);
        return Nd4j.create(buf, new long[]{to - from, 1, images.height(), images.width()}, 'c');
    }
}
