package org.daesweep.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.daesweep.TestData;
import org.daesweep.data.ImageSet;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.results.ResultStore;
import org.daesweep.results.TrialJournal;
import org.daesweep.training.TrainingData;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointedRetrainTest {
    private static final long SEED = 11;

    @TempDir
    Path dir;

    @Test
    void aRetrainStoppedAfterAnEpochContinuesFromItsCheckpointToTheNetworkOfOneRun() {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("retrain test")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            ImageSet images = TestData.strokeImages(48, 8, 8);
            Broadcast<TrainingData> data = jsc.broadcast(TrainingData.trainingOnly(images, images));
            // Cosine decay and BatchNorm: state a continuation must carry over exactly.
            Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 4)
                    .with(Hyperparameter.BATCH_NORM, true).with(Hyperparameter.LR_SCHEDULE, "cosine").withTraining(3, 16);
            TrialTasks.Retrained whole = TrialTasks.retrain(jsc, data, hp, SEED, null, 3);
            assertNull(whole.checkpoint(), "trained to its last epoch: a model, nothing to continue");

            TrialTasks.Retrained first = TrialTasks.retrain(jsc, data, hp, SEED, null, 1);
            assertEquals(0, first.model().length, "epochs left: a checkpoint, not yet a model");
            TrialJournal journal = new TrialJournal(new ResultStore(spark, dir.toString()));
            journal.open(Map.of("seed", SEED), false);
            journal.recordRetrain(hp, SEED, marked(first.checkpoint()));

            TrialTasks.Retrained resumed = CheckpointedRetrain.run(jsc, data, hp, SEED, journal, Duration.ZERO);
            assertEquals(TrialStatus.OK, resumed.status());
            assertEquals(3, resumed.epochs().size());
            assertEquals(-1.0, resumed.epochs().get(0).trainLoss(), "epoch 1 came from the checkpoint, not trained again");
            for (int epoch = 1; epoch < 3; epoch++) {
                assertEquals(whole.epochs().get(epoch).trainLoss(), resumed.epochs().get(epoch).trainLoss(), 1e-6);
            }
            assertEquals(2, journal.retrainCheckpoint(hp, SEED).orElseThrow().epochs().size(),
                    "pieces of one epoch: the last checkpoint is after epoch 2");
            assertTrue(resumed.model().length > 0);
        } finally {
            spark.stop();
        }
    }

    @Test
    void aPieceHoldsTheEpochsThatFitItsTimeAtTheLastEpochsPace() {
        List<EpochStats> epochs = List.of(new EpochStats(1, 0.1, Double.NaN, Double.NaN, 200, 0, Double.NaN),
                new EpochStats(2, 0.1, Double.NaN, Double.NaN, 70, 0, Double.NaN));
        assertEquals(4, CheckpointedRetrain.epochsPerPiece(epochs, Duration.ofMinutes(5)));
        assertEquals(1, CheckpointedRetrain.epochsPerPiece(epochs, Duration.ofSeconds(30)), "at least one");
    }

    /** The checkpoint with its first epoch's loss replaced, so the continuation shows where epoch 1 came from. */
    private static Checkpoint marked(Checkpoint checkpoint) {
        List<EpochStats> epochs = new ArrayList<>(checkpoint.epochs());
        EpochStats e = epochs.get(0);
        epochs.set(0, new EpochStats(e.epoch(), -1.0, e.validationLoss(), e.validationMse(), e.seconds(), 0, Double.NaN));
        return new Checkpoint(epochs, checkpoint.partial(), checkpoint.network());
    }
}
