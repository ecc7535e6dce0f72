package org.daesweep.denoise;

import org.daesweep.data.Picture;
import org.daesweep.metrics.ImageMetrics;

import java.io.Serializable;

/**
 * One image's scores against its clean reference, as the sweep computes them (MSE, PSNR with
 * data range 1, scikit-image's SSIM), for the denoised image and for the noisy input. A colour
 * image's MSE and SSIM are the means over its planes, as scikit-image does with channel_axis.
 * SSIM is NaN for images under 7x7, where its window does not fit.
 */
public record ImageScore(String name, int index, int height, int width, Quality denoised, Quality noisy)
        implements Serializable {

    /** One image's MSE, PSNR (dB) and SSIM against its clean reference. */
    public record Quality(double mse, double psnr, double ssim) implements Serializable {
    }

    static ImageScore of(Item item, Picture noisy, Picture denoised, Picture clean) {
        return new ImageScore(item.name(), item.index(), clean.height(), clean.width(),
                score(denoised, clean), score(noisy, clean));
    }

    private static Quality score(Picture candidate, Picture clean) {
        int n = clean.planes().length;
        int size = clean.height() * clean.width();
        boolean fits = clean.height() >= 7 && clean.width() >= 7;
        double mse = 0;
        double ssim = 0;
        for (int c = 0; c < n; c++) {
            float[] a = candidate.planes()[Math.min(c, candidate.planes().length - 1)];
            mse += ImageMetrics.mse(a, clean.planes()[c], 0, size) / n;
            ssim += fits ? ImageMetrics.ssim(a, clean.planes()[c], 0, clean.height(), clean.width()) / n : Double.NaN;
        }
        return new Quality(mse, ImageMetrics.psnr(mse), ssim);
    }
}
