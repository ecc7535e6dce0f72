package org.daesweep.noise;

import java.io.Serializable;

/**
 * Which noise a sweep scores on and which it trains on.
 *
 * @param evaluation the noise of the validation and test images, the one trials are judged by
 * @param training   the noise of the training inputs (the same, or for example a mix)
 * @param fresh      draw new training noise every epoch instead of one fixed draw, so a model
 *                   cannot learn the noise of particular images by heart
 */
public record NoiseSetup(NoiseModel evaluation, NoiseModel training, boolean fresh) implements Serializable {

    /** The plain setup: train on one fixed draw of the evaluation noise. */
    public static NoiseSetup of(NoiseModel noise) {
        return new NoiseSetup(noise, noise, false);
    }

    public String describe() {
        String train = training.equals(evaluation) ? "" : ", training on " + training.describe();
        return evaluation.describe() + train + (fresh ? ", fresh training noise every epoch" : "");
    }
}
