package org.daesweep.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns [n, 1, h, w] images into [n, k*k, h, w]: channel i*k+j holds the image shifted by the
 * kernel offset (i, j) of a 'same' padded k x k convolution, zero outside. The network's first
 * convolution then runs as a 1x1 convolution over these channels, which computes the same thing:
 * libnd4j's conv2d with a single input channel took ~29 of ~135 ms of the baseline's training
 * step (its backward pass worst, docs/PERFORMANCE.md), a 1x1 convolution is a plain matrix
 * product. The tensors are reused per batch size: SameDiff runs faster on the same placeholder arrays.
 */
final class Unfold {
    private final int k;
    private final Map<Long, INDArray> reusable = new HashMap<>();

    Unfold(int kernel) {
        this.k = kernel;
    }

    /** The channel that holds the image itself (offset 0, 0). */
    static int centre(int kernel) {
        int pad = (kernel - 1) / 2;
        return pad * kernel + pad;
    }

    INDArray apply(INDArray images) {
        long n = images.size(0);
        int h = (int) images.size(2);
        int w = (int) images.size(3);
        float[] src = images.dup('c').data().asFloat();
        float[] dst = new float[Math.toIntExact(n * k * k * h * w)];
        int pad = (k - 1) / 2;
        int plane = h * w;
        for (int img = 0; img < n; img++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int base = (img * k * k + i * k + j) * plane;
                    int dy = i - pad;
                    int dx = j - pad;
                    for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
                        int from = Math.max(0, -dx);
                        int to = Math.min(w, w - dx);
                        System.arraycopy(src, img * plane + (y + dy) * w + from + dx, dst, base + y * w + from, to - from);
                    }
                }
            }
        }
        INDArray out = reusable.computeIfAbsent(n, m -> Nd4j.createUninitialized(DataType.FLOAT, m, (long) k * k, h, w));
        out.data().setData(dst);
        return out;
    }
}
