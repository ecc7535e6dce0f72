package org.daesweep.trial;

import java.io.Serializable;
import java.util.List;

/**
 * A trial paused between rungs: the epochs it has run, how far into the next one it got (null
 * at an epoch's end), and its network with the optimiser's state (a
 * {@link org.daesweep.model.ModelFile} checkpoint), so a promoted trial continues where it
 * stopped instead of starting over.
 */
public record Checkpoint(List<EpochStats> epochs, PartialEpoch partial, byte[] network) implements Serializable {
    public Checkpoint {
        epochs = List.copyOf(epochs);
    }

    /** Epochs trained, fractional when paused mid-epoch. */
    public double epochsTrained() {
        return PartialEpoch.epochsTrained(epochs.size(), partial);
    }

    /** Training steps done, for a trial with {@code stepsPerEpoch} batches per epoch. */
    public long steps(long stepsPerEpoch) {
        return epochs.size() * stepsPerEpoch + (partial == null ? 0 : partial.batches());
    }
}
