package org.daesweep.denoise;

import org.daesweep.data.Storage;
import org.daesweep.noise.NoiseModel;

import java.io.Serializable;

/**
 * A denoising run, planned on the driver: what to read, what to score against, what noise to add
 * first, and where the results go. It travels to Spark's tasks as it is.
 *
 * @param clean     the clean references, aligned with the inputs; the inputs themselves when noise is added
 *                  to clean images; null for no scores
 * @param noise     noise added to every input before denoising, or null
 * @param noiseSeed where the added noise's seeds start
 */
public record DenoiseRequest(Inputs input, Inputs clean, NoiseModel noise, long noiseSeed, Outputs output)
        implements Serializable {

    public int count() {
        return input.count();
    }

    /** Joins what the shares wrote into the final output, once every share has ended. */
    public void finish(Storage storage, int shares) {
        output.finish(storage, shares);
    }

    /** Removes what a failed run left half-written. */
    public void abandon(Storage storage) {
        output.abandon(storage);
    }

    public boolean scored() {
        return clean != null;
    }
}
