package org.daesweep.search;

import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialSpec;

import java.util.concurrent.CompletableFuture;

/** Where the pieces of trials train: Spark tasks in a sweep, plain threads in a test. */
public interface TrialExecutor {
    /**
     * Trains the trial from {@code from} (null: a fresh network) until {@code untilEpochs} (a fraction allowed). The
     * future completes with the step, failures included; it completes exceptionally only when the
     * sweep itself cannot go on.
     */
    CompletableFuture<TrialPiece> run(TrialSpec spec, Checkpoint from, double untilEpochs);

    /**
     * The loop has given out all the work it can for now and waits for a piece to end. Real
     * executors have nothing to do here; one that simulates time ends its earliest piece.
     */
    default void waiting() {
    }
}
