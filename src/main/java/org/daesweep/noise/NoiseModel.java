package org.daesweep.noise;

import org.daesweep.data.ImageSet;

import java.io.Serializable;

/**
 * Corrupts clean images. Implementations are deterministic in the seed, so the driver, every
 * executor and every rerun see the same noisy arrays.
 */
public interface NoiseModel extends Serializable {
    ImageSet apply(ImageSet clean, long seed);

    /** A short label for tables, e.g. {@code gaussian(0.5)}. */
    String describe();
}
