package org.daesweep.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code unet}: the CAE's encoder with filters doubling per level and a bottleneck block; the
 * decoder upsamples and concatenates the encoder's features of the same level before its block
 * (skip connections), BatchNorm after every convolution when enabled.
 */
final class UNetBlueprint implements Blueprint {
    @Override
    public int filtersAt(Hyperparameters hp, int level) {
        return hp.filters() << level;
    }

    /** The bottleneck's. */
    @Override
    public int deepestChannels(Hyperparameters hp) {
        return filtersAt(hp, hp.depth());
    }

    @Override
    public <T> T logits(Hyperparameters hp, Topology.Backend<T> b, T input) {
        return b.conv(encoderDecoder(hp, b, input), hp.filtersAt(0), 1);
    }

    private static <T> T encoderDecoder(Hyperparameters hp, Topology.Backend<T> b, T x) {
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
    private static <T> T block(Hyperparameters hp, Topology.Backend<T> b, T x, int in, int out) {
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
