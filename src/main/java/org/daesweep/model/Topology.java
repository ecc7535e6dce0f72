package org.daesweep.model;

import java.util.Optional;

/**
 * The denoiser's structure, written once and walked over a backend that makes the nodes:
 * SameDiff variables for training ({@link SameDiffGraph}), DL4J layers for dl4j-spark
 * ({@link LayerGraph}). Both backends name their parameters by the order of the walk, so one walk
 * keeps the two networks the same. Each {@link Architecture} lays out its own layers (its
 * {@link Blueprint}); dropout acts on the deepest features; a 1-channel convolution makes the
 * output's logits.
 */
public final class Topology {
    /** Makes one kind of node; {@code T} is how the backend refers to a tensor. */
    interface Backend<T> {
        T conv(T x, int in, int out);

        T batchNorm(T x, int channels);

        T activation(T x);

        T pool(T x);

        T upsample(T x);

        /** {@link #upsample} then {@link #conv}, one node so that a backend can fuse the two. */
        T upsampleConv(T x, int in, int out);

        /** Channels of {@code a}, then of {@code b}. */
        T concat(T a, T b);

        T dropout(T x);
    }

    private Topology() {
    }

    /** Why images of this size do not fit {@code depth} poolings, or empty when they do. */
    public static Optional<String> sizeProblem(int depth, int height, int width) {
        int scale = 1 << depth;
        return height % scale == 0 && width % scale == 0 ? Optional.empty()
                : Optional.of("depth " + depth + " needs image sides divisible by " + scale + ", but the images are "
                + height + "x" + width);
    }

    /**
     * How far an output pixel can see into the input, in pixels, at most: every convolution of
     * each level (encoder, decoder, and the bottleneck) widens the view by its half-kernel times
     * the level's scale, each pooling and upsampling by the scale, and the output convolution by
     * its half-kernel. A tile whose core is surrounded by this much of its image gives the core the
     * output the whole image gives it.
     */
    public static int receptiveRadius(Hyperparameters hp) {
        int half = (hp.kernel() - 1) / 2;
        int radius = half + hp.convs() * half * (1 << hp.depth());
        for (int level = 0; level < hp.depth(); level++) {
            radius += (2 * hp.convs() * half + 2) * (1 << level);
        }
        return radius;
    }

    /** The output's logits, one channel at the input's size (the sigmoid and the loss are the backend's). */
    static <T> T logits(Hyperparameters hp, Backend<T> b, T input) {
        return hp.model().blueprint().logits(hp, b, input);
    }
}
