package org.daesweep.training;

import java.io.Serializable;
import java.util.List;

/**
 * A trial paused between rungs: the epochs it has run and its network with the optimiser's
 * state (a {@link org.daesweep.model.ModelFile} checkpoint), so a promoted trial continues
 * where it stopped instead of starting over.
 */
public record Checkpoint(List<EpochStats> epochs, byte[] network) implements Serializable {
    public Checkpoint {
        epochs = List.copyOf(epochs);
    }

    public int epoch() {
        return epochs.size();
    }
}
