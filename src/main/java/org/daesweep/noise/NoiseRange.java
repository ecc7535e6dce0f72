package org.daesweep.noise;

import java.util.OptionalDouble;
import org.daesweep.data.ImageSet;

import java.util.SplittableRandom;

/**
 * One kind of noise at a strength drawn for each image from {@code [min, max]}: training on a
 * range makes a model for images whose noise level nobody knows, instead of a specialist that
 * degrades images cleaner than the ones it saw.
 */
public record NoiseRange(NoiseKind kind, double min, double max) implements NoiseModel {
    public NoiseRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("a noise range needs min <= max, got " + min + " and " + max);
        }
        kind.at(min); // the ends are legal strengths, or this throws saying why
        kind.at(max);
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[clean.pixels().length];
        int size = clean.imageSize();
        for (int i = 0; i < clean.count(); i++) {
            double strength = min + (max - min) * random.nextDouble();
            ImageSet noisy = kind.at(strength).apply(clean.select(new int[]{i}), random.nextLong());
            System.arraycopy(noisy.pixels(), 0, out, i * size, size);
        }
        return new ImageSet(out, clean.count(), clean.height(), clean.width());
    }

    @Override
    public String describe() {
        return kind.label() + "(" + min + ".." + max + ")";
    }

    @Override
    public OptionalDouble strongestGaussianStd() {
        return kind.gaussianStd(max);
    }
}
