package org.daesweep.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.daesweep.model.Hyperparameters;
import org.daesweep.results.TrialJournal;
import org.daesweep.training.TrainingData;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The retrain in one task at a time, a few minutes of epochs each, every task's checkpoint
 * journaled: a sweep stopped during a retrain of hours continues it from the last checkpoint
 * instead of from its first epoch. Training in pieces gives the network one run gives.
 */
final class CheckpointedRetrain {
    /** About how much training a stop may lose; each piece costs a network rebuilt and a checkpoint written. */
    static final Duration PIECE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(CheckpointedRetrain.class);

    private CheckpointedRetrain() {
    }

    /**
     * Retrains {@code hp} to its last epoch, from the journal's checkpoint if an earlier run left
     * one, in tasks of about {@code piece} each.
     */
    static TrialTasks.Retrained run(JavaSparkContext jsc, Broadcast<TrainingData> data, Hyperparameters hp, long seed,
                                    TrialJournal journal, Duration piece) {
        Checkpoint from = journal.retrainCheckpoint(hp, seed).orElse(null);
        if (from != null) {
            log.info("retrain: continuing from its checkpoint after epoch {} of {}", from.epochs().size(), hp.epochs());
        }
        int epochs = 1; // the first task measures how long an epoch takes
        while (true) {
            int done = from == null ? 0 : from.epochs().size();
            TrialTasks.Retrained retrained = TrialTasks.retrain(jsc, data, hp, seed, from,
                    Math.min(hp.epochs(), done + epochs));
            if (retrained.checkpoint() == null) {
                return retrained;
            }
            from = retrained.checkpoint();
            journal.recordRetrain(hp, seed, from);
            epochs = epochsPerPiece(from.epochs(), piece);
        }
    }

    /** Whole epochs that take about {@code piece} at the pace of the last one; at least one. */
    static int epochsPerPiece(List<EpochStats> epochs, Duration piece) {
        double seconds = epochs.get(epochs.size() - 1).seconds();
        return (int) Math.max(1, Math.floor(piece.toMillis() / 1000.0 / Math.max(seconds, 1e-3)));
    }
}
