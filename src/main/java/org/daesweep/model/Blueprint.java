package org.daesweep.model;

/**
 * How one architecture lays out its layers, walked over any {@link Topology.Backend}. A new
 * architecture is a class implementing this and one line in {@link Architecture}.
 */
interface Blueprint {
    /** Filters of level {@code level}; a U-Net's bottleneck is level {@code depth}. */
    int filtersAt(Hyperparameters hp, int level);

    /** Channels of the deepest features, where dropout acts. */
    int deepestChannels(Hyperparameters hp);

    /** The output's logits, one channel at the input's size. */
    <T> T logits(Hyperparameters hp, Topology.Backend<T> b, T input);
}
