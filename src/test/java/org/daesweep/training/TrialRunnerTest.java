package org.daesweep.training;

import org.daesweep.TestData;
import org.daesweep.data.ImageSet;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialRunnerTest {
    @Test
    void whateverATrialThrowsBecomesAFailedResultNotAnException() {
        // Three pooling levels do not divide 28: building the network throws.
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.DEPTH, 3).withTraining(1, 16);
        ImageSet images = TestData.strokeImages(32, 28, 28);
        TrialPiece piece = new TrialRunner(java.time.Duration.ZERO, 0).run(TrialSpec.of(0, 1, hp), TrainingData.trainingOnly(images, images), null,
                1, "exec-1", "host-a");
        assertEquals(TrialStatus.FAILED, piece.result().status());
        assertTrue(piece.result().error().contains("28"), piece.result().error());
        assertEquals("exec-1", piece.result().executor());
        assertNull(piece.checkpoint(), "a failed trial does not continue");
        assertTrue(Double.isNaN(piece.result().bestValidationMse()));
    }

    @Test
    void aTrialThatCannotFitIsRecordedFailedBeforeItAllocates() {
        Hyperparameters hp = Hyperparameters.referenceBaseline().withTraining(1, 100_000);
        ImageSet images = TestData.strokeImages(32, 28, 28);
        TrialPiece piece = new TrialRunner(java.time.Duration.ZERO, 100L << 20).run(TrialSpec.of(0, 1, hp),
                TrainingData.trainingOnly(images, images), null, 1, "exec-1", "host-a");
        assertEquals(TrialStatus.FAILED, piece.result().status());
        // The batch is the whole training set, not the 100,000 asked for.
        assertTrue(piece.result().error().matches(
                "needs ~\\d+ MB at batch size 32, a trial here has 100 MB: lower batch-size or filters"),
                piece.result().error());
        assertTrue(piece.result().epochs().isEmpty(), "not trained");
    }
}
