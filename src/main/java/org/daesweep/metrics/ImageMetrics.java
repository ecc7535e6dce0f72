package org.daesweep.metrics;

/**
 * Full-reference quality of one image against its clean original, pixels in [0,1]:
 * MSE, PSNR with data range 1, and SSIM as scikit-image's {@code structural_similarity}
 * computes it with {@code data_range=1} and its defaults (7x7 uniform window, sample
 * covariance, K1=0.01, K2=0.03, mean over the windows that lie wholly inside the image).
 */
public final class ImageMetrics {
    static final int WINDOW = 7;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    /** PSNR of a perfect reconstruction is infinite; cap it so means stay finite. */
    public static final double MAX_PSNR = 100.0;

    private ImageMetrics() {
    }

    public static double mse(float[] a, float[] b, int offset, int size) {
        double s = 0;
        for (int i = offset; i < offset + size; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return s / size;
    }

    public static double psnr(double mse) {
        return mse <= 0 ? MAX_PSNR : Math.min(MAX_PSNR, 10 * Math.log10(1.0 / mse));
    }

    /** SSIM of image {@code a} against {@code b}, both of {@code height x width} at {@code offset}. */
    public static double ssim(float[] a, float[] b, int offset, int height, int width) {
        if (height < WINDOW || width < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "x" + WINDOW
                    + ", got " + height + "x" + width);
        }
        int np = WINDOW * WINDOW;
        double covNorm = np / (np - 1.0);
        double total = 0;
        int windows = 0;
        for (int top = 0; top + WINDOW <= height; top++) {
            for (int left = 0; left + WINDOW <= width; left++) {
                double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
                for (int r = top; r < top + WINDOW; r++) {
                    int row = offset + r * width;
                    for (int c = left; c < left + WINDOW; c++) {
                        double x = a[row + c];
                        double y = b[row + c];
                        sx += x;
                        sy += y;
                        sxx += x * x;
                        syy += y * y;
                        sxy += x * y;
                    }
                }
                double ux = sx / np, uy = sy / np;
                double vx = covNorm * (sxx / np - ux * ux);
                double vy = covNorm * (syy / np - uy * uy);
                double vxy = covNorm * (sxy / np - ux * uy);
                total += ((2 * ux * uy + C1) * (2 * vxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
                windows++;
            }
        }
        return total / windows;
    }
}
