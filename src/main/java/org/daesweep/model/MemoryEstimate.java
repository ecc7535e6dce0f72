package org.daesweep.model;

import java.util.Locale;

/**
 * What training a configuration will take of native memory, worked out from its shape before a
 * byte is spent: the same {@link Topology} walk that builds the network, over tensor sizes. A
 * training step keeps every activation of the forward pass for the backward one and holds
 * gradients of the same sizes; the validation pass runs while the training step's recorded
 * buffers are still held. The constants are fitted to, and checked against, measured peaks by
 * {@code scripts/memory-bench.sh}.
 *
 * @param activationFloats floats of every tensor one image's forward pass makes
 * @param parameterCount   the network's parameters
 */
public record MemoryEstimate(long activationFloats, long parameterCount) {
    /** Peak bytes of a training step over the bytes of one forward pass's activations. */
    private static final double TRAINING_COPIES = 2.0;
    /** Parameters, their gradients and Adam's two moments. */
    private static final int PARAMETER_COPIES = 4;
    /** What a trial holds whatever its batch: op caches, kernels' scratch space, the optimiser's first step. */
    private static final long FIXED_BYTES = 250L << 20;

    public static MemoryEstimate of(Hyperparameters hp, int height, int width) {
        Sizes sizes = new Sizes(hp.kernel());
        Topology.logits(hp, sizes, new Sizes.Tensor(1, height, width));
        return new MemoryEstimate(sizes.floats, sizes.parameters);
    }

    /** Peak bytes of training at this batch size, validating in batches of {@code inferenceBatch}. */
    public long trainingBytes(int batchSize, int inferenceBatch) {
        return FIXED_BYTES + (long) (TRAINING_COPIES * batchSize * activationBytes()) + inferenceBytes(inferenceBatch)
                + (long) PARAMETER_COPIES * Float.BYTES * parameterCount;
    }

    /** Bytes of the activations of one prediction batch of {@code batchSize}. */
    public long inferenceBytes(int batchSize) {
        return (long) (batchSize * activationBytes());
    }

    private double activationBytes() {
        return (double) Float.BYTES * activationFloats;
    }

    /** Bytes as a person reads them: "1.3 GB", "420 MB". */
    public static String readable(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }

    /** A backend that makes nothing and counts what each node would hold for one image. */
    private static final class Sizes implements Topology.Backend<Sizes.Tensor> {
        record Tensor(long channels, long height, long width) {
            long floats() {
                return channels * height * width;
            }
        }

        private final int kernel;
        private long floats;
        private long parameters;

        Sizes(int kernel) {
            this.kernel = kernel;
        }

        private Tensor made(Tensor t) {
            floats += t.floats();
            return t;
        }

        @Override
        public Tensor conv(Tensor x, int in, int out) {
            parameters += (long) in * out * kernel * kernel + out;
            return made(new Tensor(out, x.height(), x.width()));
        }

        @Override
        public Tensor batchNorm(Tensor x, int channels) {
            parameters += 2L * channels;
            return made(x);
        }

        @Override
        public Tensor activation(Tensor x) {
            return made(x);
        }

        @Override
        public Tensor pool(Tensor x) {
            return made(new Tensor(x.channels(), x.height() / 2, x.width() / 2));
        }

        @Override
        public Tensor upsample(Tensor x) {
            return made(new Tensor(x.channels(), x.height() * 2, x.width() * 2));
        }

        @Override
        public Tensor upsampleConv(Tensor x, int in, int out) {
            return conv(upsample(x), in, out);
        }

        @Override
        public Tensor concat(Tensor a, Tensor b) {
            return made(new Tensor(a.channels() + b.channels(), a.height(), a.width()));
        }

        @Override
        public Tensor dropout(Tensor x) {
            return made(x);
        }
    }
}
