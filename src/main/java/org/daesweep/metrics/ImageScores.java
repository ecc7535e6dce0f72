package org.daesweep.metrics;

import org.daesweep.data.ImageSet;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Per-image MSE, PSNR and SSIM of a set of images against their clean originals. */
public record ImageScores(double[] mse, double[] psnr, double[] ssim) {

    public static ImageScores of(ImageSet candidate, ImageSet clean) {
        if (candidate.count() != clean.count() || candidate.imageSize() != clean.imageSize()) {
            throw new IllegalArgumentException("cannot score " + candidate.count() + " images against "
                    + clean.count() + " of another size");
        }
        int n = clean.count();
        int size = clean.imageSize();
        double[] mse = new double[n];
        double[] psnr = new double[n];
        double[] ssim = new double[n];
        for (int i = 0; i < n; i++) {
            mse[i] = ImageMetrics.mse(candidate.pixels(), clean.pixels(), i * size, size);
            psnr[i] = ImageMetrics.psnr(mse[i]);
            ssim[i] = ImageMetrics.ssim(candidate.pixels(), clean.pixels(), i * size, clean.height(), clean.width());
        }
        return new ImageScores(mse, psnr, ssim);
    }

    /** The scores of several sets of images, one after another. */
    public static ImageScores concat(List<ImageScores> parts) {
        return new ImageScores(join(parts, ImageScores::mse), join(parts, ImageScores::psnr), join(parts, ImageScores::ssim));
    }

    private static double[] join(List<ImageScores> parts, Function<ImageScores, double[]> field) {
        return parts.stream().flatMapToDouble(p -> Arrays.stream(field.apply(p))).toArray();
    }

    public int count() {
        return mse.length;
    }

    public double meanMse() {
        return Arrays.stream(mse).average().orElse(Double.NaN);
    }

    public double meanPsnr() {
        return Arrays.stream(psnr).average().orElse(Double.NaN);
    }

    public double meanSsim() {
        return Arrays.stream(ssim).average().orElse(Double.NaN);
    }

    public MeanScores means() {
        return new MeanScores(count(), meanMse(), meanPsnr(), meanSsim());
    }
}
