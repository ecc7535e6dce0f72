package org.daesweep.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest 2x upsampling followed by a k x k 'same' convolution, as four convolutions at the low
 * resolution, one per output phase (row parity a, column parity b). Output row 2i + a reads
 * upsampled rows 2i + a + d for offsets d in [-r, r], r = (k - 1) / 2, which are low-resolution
 * rows i + floor((a + d) / 2): the phase's kernel sums the learned kernel's taps that land on the
 * same low-resolution pixel. Zero padding maps to zero padding, so borders agree too.
 */
record SubPixel(int kernel) {
    /** Output phases of 2x upsampling, in depth-to-space order: (a, b) = (0, 0), (0, 1), (1, 0), (1, 1). */
    static final int PHASES = 4;

    /** The phase kernels' side: 3 for k = 3 and 5, k / 2 + 1 rounded up to odd in general. */
    int size() {
        return 2 * ((kernel + 1) / 4) + 1;
    }

    /**
     * The linear map from the learned kernel's taps to the phase kernels' taps:
     * [PHASES x size x size, kernel x kernel], row (phase, y', x'), column (y, x).
     */
    INDArray transform() {
        int r = (kernel - 1) / 2;
        int size = size();
        int r2 = (size - 1) / 2;
        float[][] t = new float[PHASES * size * size][kernel * kernel];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int y = 0; y < kernel; y++) {
                    for (int x = 0; x < kernel; x++) {
                        int y2 = Math.floorDiv(a + y - r, 2) + r2;
                        int x2 = Math.floorDiv(b + x - r, 2) + r2;
                        t[((a * 2 + b) * size + y2) * size + x2][y * kernel + x] = 1;
                    }
                }
            }
        }
        return Nd4j.create(t);
    }
}
