package org.daesweep.model;

import java.util.Set;

/**
 * {@code cae}: {@code depth} x (convs x conv, [BatchNorm after the very first], maxpool 2x2) |
 * {@code depth} x (convs x conv, upsample 2x), the reference study's model at depth 2, convs 1.
 */
final class CaeBlueprint implements Blueprint {
    /** Activations that commute with max pooling: non-decreasing functions (swish is not). */
    private static final Set<String> MONOTONIC = Set.of("relu", "leakyrelu", "elu", "tanh");

    /** The same filters at every level, or halved after the first under the reference rule. */
    @Override
    public int filtersAt(Hyperparameters hp, int level) {
        return hp.halveSecond() ? Math.max(1, hp.filters() >> level) : hp.filters();
    }

    @Override
    public int deepestChannels(Hyperparameters hp) {
        return filtersAt(hp, hp.depth() - 1);
    }

    @Override
    public <T> T logits(Hyperparameters hp, Topology.Backend<T> b, T x) {
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

}
