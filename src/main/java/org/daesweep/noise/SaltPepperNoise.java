package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.util.SplittableRandom;

/** Sets a fraction {@code amount} of pixels to 0 or 1 with equal odds. */
public record SaltPepperNoise(double amount) implements NoiseModel {
    public SaltPepperNoise {
        if (!(amount >= 0 && amount <= 1)) {
            throw new IllegalArgumentException("salt-and-pepper amount must be in [0,1], got " + amount);
        }
    }

    @Override
    public ImageSet apply(ImageSet clean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = clean.pixels().clone();
        for (int i = 0; i < out.length; i++) {
            if (random.nextDouble() < amount) {
                out[i] = random.nextBoolean() ? 1f : 0f;
            }
        }
        return new ImageSet(out, clean.count(), clean.height(), clean.width());
    }

    @Override
    public String describe() {
        return "salt-pepper(" + amount + ")";
    }
}
