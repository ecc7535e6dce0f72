package org.daesweep.training;

import java.util.Optional;

/**
 * Recognises a collapsed denoiser: one whose output no longer depends on its input (an
 * all-black or "mean digit" image for every input), the failure mode of the reference
 * baseline (MSE loss, sigmoid output), which ends at the PSNR of predicting black. Such a
 * trial can still post a validation loss that looks moderate, so it is flagged explicitly and
 * never picked as best.
 */
public final class Collapse {
    /** Output variation across images below this share of the targets' variation: near constant. */
    static final double MIN_VARIATION_RATIO = 0.1;
    /** Validation MSE above this share of the MSE of an all-black output: no better than black. */
    static final double BLACK_LEVEL_RATIO = 0.9;

    private Collapse() {
    }

    /**
     * Why the predictions of a validation set show a collapse, or empty if they do not.
     * Arrays hold {@code count} images of {@code imageSize} pixels each.
     */
    public static Optional<String> diagnose(float[] predicted, float[] clean, int count, int imageSize) {
        double black = 0;
        double mse = 0;
        for (int i = 0; i < clean.length; i++) {
            black += (double) clean[i] * clean[i];
            double d = (double) predicted[i] - clean[i];
            mse += d * d;
        }
        black /= clean.length;
        mse /= clean.length;
        double outputVariation = variationAcrossImages(predicted, count, imageSize);
        double targetVariation = variationAcrossImages(clean, count, imageSize);
        if (outputVariation < MIN_VARIATION_RATIO * targetVariation) {
            return Optional.of(String.format("collapsed: the output barely depends on the input (variation across "
                    + "images %.4f, targets %.4f)", outputVariation, targetVariation));
        }
        if (mse > BLACK_LEVEL_RATIO * black) {
            return Optional.of(String.format("collapsed: validation MSE %.4f is at the all-black level %.4f", mse, black));
        }
        return Optional.empty();
    }

    /** Root of the per-pixel variance across images, averaged over pixels. */
    private static double variationAcrossImages(float[] pixels, int count, int imageSize) {
        if (count < 2) {
            return 0;
        }
        double total = 0;
        for (int p = 0; p < imageSize; p++) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < count; i++) {
                double v = pixels[i * imageSize + p];
                sum += v;
                sumSquares += v * v;
            }
            double mean = sum / count;
            total += Math.max(0, sumSquares / count - mean * mean);
        }
        return Math.sqrt(total / imageSize);
    }
}
