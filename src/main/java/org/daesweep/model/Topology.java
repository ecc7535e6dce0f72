package org.daesweep.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * The denoiser's structure, written once and walked over a backend that makes the nodes:
 * SameDiff variables for training ({@link SameDiffGraph}), DL4J layers for dl4j-spark
 * ({@link LayerGraph}). Both backends name their parameters by the order of the walk, so one walk
 * keeps the two networks the same.
 * <ul>
 * <li>{@code cae}: {@code depth} x (convs x conv, [BatchNorm after the very first], maxpool 2x2) |
 * {@code depth} x (convs x conv, upsample 2x) - the reference study's model at depth 2, convs 1;</li>
 * <li>{@code unet}: the same encoder with filters doubling per level and a bottleneck block;
 * the decoder upsamples and concatenates the encoder's features of the same level before its
 * block (skip connections), BatchNorm after every convolution when enabled.</li>
 * </ul>
 * Dropout acts on the deepest features; a 1-channel convolution makes the output's logits.
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

    /** Activations that commute with max pooling: non-decreasing functions (swish is not). */
    private static final Set<String> MONOTONIC = Set.of("relu", "leakyrelu", "elu", "tanh");

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
        return hp.model().equals("unet") ? b.conv(unet(hp, b, input), hp.filtersAt(0), 1) : cae(hp, b, input);
    }

    private static <T> T cae(Hyperparameters hp, Backend<T> b, T x) {
        int in = 1;
        for (int level = 0; level < hp.depth(); level++) {
            int out = hp.filtersAt(level);
            // pool(f(x)) == f(pool(x)) for a non-decreasing f, gradients included, and f then runs
            // on a quarter of the pixels: ReLU's backward on the first level's full-size tensor was
            // the third most expensive op of the baseline's step. Not across a BatchNorm, whose
            // scale may be negative.
            boolean poolFirst = MONOTONIC.contains(hp.activation())
                    && !(level == 0 && hp.convs() == 1 && hp.batchNorm());
            for (int c = 0; c < hp.convs(); c++) {
                x = b.conv(x, in, out);
                in = out;
                x = b.activation(poolFirst && c == hp.convs() - 1 ? b.pool(x) : x);
                if (level == 0 && c == 0 && hp.batchNorm()) {
                    x = b.batchNorm(x, out);
                }
            }
            if (!poolFirst) {
                x = b.pool(x);
            }
        }
        x = b.dropout(x);
        for (int level = hp.depth() - 1; level >= 0; level--) {
            int out = hp.filtersAt(level);
            for (int c = 0; c < hp.convs(); c++) {
                // Every level but the deepest starts from the upsampled output of the one below.
                boolean upsampled = c == 0 && level < hp.depth() - 1;
                x = b.activation(upsampled ? b.upsampleConv(x, in, out) : b.conv(x, in, out));
                in = out;
            }
        }
        return b.upsampleConv(x, in, 1);
    }

    private static <T> T unet(Hyperparameters hp, Backend<T> b, T x) {
        Deque<T> skips = new ArrayDeque<>();
        int in = 1;
        for (int level = 0; level < hp.depth(); level++) {
            x = block(hp, b, x, in, hp.filtersAt(level));
            in = hp.filtersAt(level);
            skips.push(x);
            x = b.pool(x);
        }
        x = b.dropout(block(hp, b, x, in, hp.filtersAt(hp.depth())));
        in = hp.filtersAt(hp.depth());
        for (int level = hp.depth() - 1; level >= 0; level--) {
            x = b.concat(b.upsample(x), skips.pop());
            x = block(hp, b, x, in + hp.filtersAt(level), hp.filtersAt(level));
            in = hp.filtersAt(level);
        }
        return x;
    }

    /** convs x (conv, [BatchNorm], activation). */
    private static <T> T block(Hyperparameters hp, Backend<T> b, T x, int in, int out) {
        for (int c = 0; c < hp.convs(); c++) {
            x = b.conv(x, c == 0 ? in : out, out);
            if (hp.batchNorm()) {
                x = b.batchNorm(x, out);
            }
            x = b.activation(x);
        }
        return x;
    }
}
