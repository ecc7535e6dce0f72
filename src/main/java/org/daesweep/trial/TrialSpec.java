package org.daesweep.trial;

import org.daesweep.model.Hyperparameters;

import java.io.Serializable;

/**
 * One trial to run: a deterministic id (so reruns and Spark retries name it the same), its
 * position in the sweep, its own seed derived from the sweep seed, and what it trains.
 */
public record TrialSpec(String id, int index, long seed, Hyperparameters hyperparameters) implements Serializable {

    public static TrialSpec of(int index, long sweepSeed, Hyperparameters hp) {
        return new TrialSpec("trial-%04d".formatted(index), index, deriveSeed(sweepSeed, index), hp);
    }

    /** SplitMix64 of the sweep seed and the index: distinct, well-mixed seeds from one master seed. */
    public static long deriveSeed(long sweepSeed, int index) {
        long z = sweepSeed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
