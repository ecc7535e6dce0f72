package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.daesweep.model.DenoisingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs a trained network over a set of noisy images, in batches, and returns the outputs. */
public final class Denoiser {
    private static final int BATCH = 256;
    private final DenoisingNetwork network;

    public Denoiser(DenoisingNetwork network) {
        this.network = network;
    }

    public ImageSet denoise(ImageSet noisy) {
        if (noisy.height() != network.height() || noisy.width() != network.width()) {
            throw new org.daesweep.UserException("the model denoises " + network.height() + "x" + network.width()
                    + " images, these are " + noisy.height() + "x" + noisy.width());
        }
        float[] out = new float[noisy.pixels().length];
        int size = noisy.imageSize();
        for (int from = 0; from < noisy.count(); from += BATCH) {
            int to = Math.min(noisy.count(), from + BATCH);
            INDArray prediction = network.predict(Batches.range(noisy, from, to));
            float[] values = prediction.dup('c').data().asFloat();
            System.arraycopy(values, 0, out, from * size, (to - from) * size);
        }
        return new ImageSet(out, noisy.count(), noisy.height(), noisy.width());
    }
}
