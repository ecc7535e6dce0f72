package org.daesweep.trial;

import java.io.Serializable;

/**
 * How far a trial got into an epoch it paused in, when a rung ends mid-epoch (a first rung of a
 * fraction of an epoch lets a scheduler judge many trials cheaply): the batches done, and the
 * loss sum and seconds so far, so the epoch's row comes out as if it had run in one piece.
 */
public record PartialEpoch(int batches, int ofBatches, double lossSum, double seconds) implements Serializable {
    /** Epochs trained: {@code fullEpochs}, and the share of the next one when {@code partial} is not null. */
    public static double epochsTrained(int fullEpochs, PartialEpoch partial) {
        return fullEpochs + (partial == null ? 0 : (double) partial.batches / partial.ofBatches);
    }
}
