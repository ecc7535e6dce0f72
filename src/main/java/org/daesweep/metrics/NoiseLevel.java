package org.daesweep.metrics;

/**
 * The standard deviation of an image's white Gaussian noise, estimated without its clean original
 * (Donoho and Johnstone's estimator): the median absolute value of the finest diagonal Haar
 * wavelet coefficients over 0.6745. Natural images have few strong diagonal details, so the
 * median sees mostly noise.
 */
public final class NoiseLevel {
    /** The median absolute deviation of a standard normal variable. */
    private static final double NORMAL_MAD = 0.6745;

    private NoiseLevel() {
    }

    /** The estimate for one gray image on [0,1]; 0 for an image smaller than 2x2. */
    public static double estimate(float[] pixels, int height, int width) {
        int rows = height / 2;
        int cols = width / 2;
        if (rows == 0 || cols == 0) {
            return 0;
        }
        double[] diagonal = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            int top = 2 * r * width;
            int bottom = top + width;
            for (int c = 0; c < cols; c++) {
                int x = 2 * c;
                // (a - b - c + d) / 2 keeps a pixel's noise variance: 4 variances over 4
                diagonal[r * cols + c] = Math.abs(pixels[top + x] - pixels[top + x + 1] - pixels[bottom + x]
                        + pixels[bottom + x + 1]) / 2.0;
            }
        }
        return Median.of(diagonal) / NORMAL_MAD;
    }
}
