package org.daesweep.training;

import org.daesweep.data.Dihedral;
import org.daesweep.data.ImageSet;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.daesweep.UserException;

/** Runs a trained network over a set of noisy images, in batches, and returns the outputs. */
public final class Denoiser {
    /**
     * Largest activation tensor of a batch. glibc serves blocks over 32 MB with a fresh mmap
     * (NativeRuntime), whose page faults cost more than the convolution reading them.
     */
    private static final long MAX_ACTIVATION_BYTES = 24L << 20;
    private final DenoisingNetwork network;
    private final int largestBatch;
    private final boolean selfEnsemble;

    public Denoiser(DenoisingNetwork network) {
        this(network, false);
    }

    /**
     * @param selfEnsemble average the outputs for every flip and quarter turn of the input
     *                     ({@link Dihedral}), as image-restoration papers do: 4 or 8 passes
     */
    public Denoiser(DenoisingNetwork network, boolean selfEnsemble) {
        this.network = network;
        this.largestBatch = largestBatch(network.hyperparameters(), network.height(), network.width());
        this.selfEnsemble = selfEnsemble;
    }

    /** Images per prediction batch of a network of this shape. */
    public static int largestBatch(Hyperparameters hp, int height, int width) {
        long bytesPerImage = 4L * height * width * hp.filtersAt(0);
        return (int) Math.max(1, Math.min(256, MAX_ACTIVATION_BYTES / bytesPerImage));
    }

    public DenoisingNetwork network() {
        return network;
    }

    public ImageSet denoise(ImageSet noisy) {
        if (noisy.height() != network.height() || noisy.width() != network.width()) {
            throw new UserException("the model denoises " + network.height() + "x" + network.width()
                    + " images, these are " + noisy.height() + "x" + noisy.width());
        }
        if (!selfEnsemble) {
            return pass(noisy);
        }
        int transforms = Dihedral.count(noisy.height(), noisy.width());
        float[] sum = new float[noisy.pixels().length];
        for (int t = 0; t < transforms; t++) {
            float[] out = Dihedral.invert(pass(Dihedral.apply(noisy, t)), t).pixels();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += out[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= transforms;
        }
        return new ImageSet(sum, noisy.count(), noisy.height(), noisy.width());
    }

    private ImageSet pass(ImageSet noisy) {
        float[] out = new float[noisy.pixels().length];
        int size = noisy.imageSize();
        // Batches of one size, the last padded with blank images: the network replays one
        // recorded pass for all of them, where a smaller last batch went through a SameDiff
        // session every time. Inference treats each image alone, so the padding changes no output.
        int batches = (noisy.count() + largestBatch - 1) / largestBatch;
        int even = (noisy.count() + batches - 1) / batches;
        for (int from = 0; from < noisy.count(); from += even) {
            int to = Math.min(noisy.count(), from + even);
            INDArray prediction = network.predict(Batches.range(noisy, from, to, even));
            float[] values = prediction.dup('c').data().asFloat();
            System.arraycopy(values, 0, out, from * size, (to - from) * size);
        }
        return new ImageSet(out, noisy.count(), noisy.height(), noisy.width());
    }
}
