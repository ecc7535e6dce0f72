package org.daesweep.training;

import org.daesweep.TestData;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.data.ImageSet;
import org.daesweep.data.SplitSpec;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.PartialEpoch;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialTrainerTest {
    /**
     * 1,280 digit-like 28x28 training images (2,000 in all), the study's split, Gaussian noise
     * 0.3: the strokes are sparser than digits (all-black scores MSE ~0.027), and at the study's
     * 0.5 a few epochs do not tell a slow learner from a stuck one.
     */
    private static TrainingData data;

    @BeforeAll
    static void prepare() {
        NativeRuntime.configure(2);
        ImageSet images = TestData.strokeImages(2000, 28, 28);
        data = SweepData.prepare(images, new SplitSpec(0.2, 0.2, 42), NoiseSetup.of(new GaussianNoise(0.3)), 42).training();
    }

    private static double blackLevel(ImageSet clean) {
        double s = 0;
        for (float v : clean.pixels()) {
            s += (double) v * v;
        }
        return s / clean.pixels().length;
    }

    @Test
    void batchNormEndsWithTheStatisticsOfEveryTrainingImage() {
        // Between epochs a sample of the 1,280 training images sets them, for validation.
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8)
                .with(Hyperparameter.BATCH_NORM, true).with(Hyperparameter.LOSS, "bce").withTraining(2, 64);
        DenoisingNetwork net = new TrialTrainer().train(hp, data, 3, Duration.ZERO, e -> { }).network();
        INDArray probe = Batches.range(data.noisyValidation(), 0, 16);
        INDArray trained = net.predict(probe).dup();
        net.recalibrate(Batches.inOrder(data.noisyTrain().head(1024), 256));
        assertNotEquals(trained, net.predict(probe), "a sample's statistics would show");
        net.recalibrate(Batches.inOrder(data.noisyTrain(), 256));
        assertEquals(trained, net.predict(probe));
    }

    @Test
    void theReferenceBaselineCollapsesAndIsFlagged() {
        // MSE loss, sigmoid output, Adam 1e-3, batch 128: ends at an all-black output, as the
        // reference study's baseline and its PyTorch re-implementation do.
        Hyperparameters baseline = Hyperparameters.referenceBaseline().withTraining(6, 128);
        TrainingRun run = new TrialTrainer().train(baseline, data, 42, Duration.ZERO, e -> { });
        assertEquals(TrialStatus.COLLAPSED, run.status(), run.message());
        assertTrue(run.message().startsWith("collapsed: "), run.message());
        // Stuck at black with nothing left to learn from: stopped before its 6 epochs are spent.
        assertTrue(run.epochs().size() < 6 && run.message().contains("stopped after epoch"), run.message());
    }

    @Test
    void theDefaultSearchSpaceTrains() {
        SweepConfig config = ConfigLoader.load(Path.of("conf/default.conf"), List.of());
        List<Hyperparameters> configs = java.util.stream.IntStream.range(0, config.search().trials())
                .mapToObj(i -> config.search().sampler().propose(config.search().space(), i, config.search().seed(), org.daesweep.search.sampler.SearchHistory.NONE)).toList();
        double black = blackLevel(data.cleanValidation());
        for (Hyperparameters hp : configs) {
            TrainingRun run = new TrialTrainer().train(hp.withTraining(5, hp.batchSize()), data, 7, Duration.ZERO, e -> { });
            assertEquals(TrialStatus.OK, run.status(), hp + ": " + run.message());
            // Collapsed outputs sit at 0.9-1x the black level; a network that learned sits well under it.
            assertTrue(run.bestValidationMse() < 0.75 * black, hp + ": validation MSE " + run.bestValidationMse()
                    + " vs all-black " + black);
        }
    }

    @Test
    void aTrialPastItsTimeoutStopsAfterTheBatchThatCrossedIt() {
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8).withTraining(50, 16);
        // A clock that advances one second per reading: the deadline is read once, then once per batch.
        java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        TrialTrainer trainer = new TrialTrainer(() -> seconds.incrementAndGet() * 1_000_000_000L, new BaseListener() {
            @Override
            public boolean isActive(Operation operation) {
                return operation == Operation.TRAINING;
            }

            @Override
            public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
                batches.incrementAndGet();
            }
        });
        TrainingRun run = trainer.train(hp, data, 1, Duration.ofMillis(2500), e -> { });
        assertEquals(TrialStatus.TIMEOUT, run.status());
        assertTrue(run.message().contains("trial.timeout") && run.message().contains("epoch 1"), run.message());
        assertEquals(3, batches.get(), "readings 2, 3 and 4 come after batches 1, 2 and 3; 4 s is past 1 + 2.5 s");
        assertTrue(run.epochs().isEmpty());
    }

    @Test
    void aHugeLearningRateDiverges() {
        // Adam moves each weight by about the learning rate per step: at 1e8 the activations of
        // five convolutions overflow float32 within a step or two.
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8)
                .with(Hyperparameter.LEARNING_RATE, 1e8).withTraining(2, 64);
        TrainingRun run = new TrialTrainer().train(hp, data, 1, Duration.ZERO, e -> { });
        assertEquals(TrialStatus.DIVERGED, run.status(), run.message());
        assertTrue(run.message().contains("became"), run.message());
    }

    @Test
    void trainingInPiecesFromACheckpointEqualsOneRun() {
        // BatchNorm, dropout, a cosine schedule, fresh noise and turned images: every piece of state
        // that a continued trial must carry over (Adam's moments, the step count, the epoch's draws).
        Hyperparameters hp = Hyperparameters.referenceBaseline().with(Hyperparameter.FILTERS, 8)
                .with(Hyperparameter.BATCH_NORM, true).with(Hyperparameter.DROPOUT, 0.2)
                .with(Hyperparameter.AUGMENT, "dihedral")
                .with(Hyperparameter.LOSS, "bce").with(Hyperparameter.LR_SCHEDULE, "cosine").withTraining(3, 128);
        TrainingData small = new TrainingData(data.noisyTrain().head(384), data.cleanTrain().head(384),
                data.noisyValidation().head(128), data.cleanValidation().head(128), new GaussianNoise(0.3));
        TrialTrainer trainer = new TrialTrainer();
        TrainingRun whole = trainer.train(hp, small, 7, Duration.ZERO, e -> { });
        // Pauses mid-epoch (1 of 3 batches), at an epoch's end, then runs to the end.
        TrainingRun third = trainer.train(hp, small, 7, null, 1 / 3.0, Duration.ZERO, e -> { });
        assertEquals(new PartialEpoch(1, 3, third.partial().lossSum(), third.partial().seconds()), third.partial());
        assertEquals(1 / 3.0, third.epochsTrained(), 1e-9);
        assertTrue(Double.isFinite(third.lastValidationMse()), "measured where it paused");
        TrainingRun first = trainer.train(hp, small, 7, third.checkpoint(), 1, Duration.ZERO, e -> { });
        assertEquals(whole.epochs().get(0).trainLoss(), first.epochs().get(0).trainLoss(), 1e-6);
        TrainingRun rest = trainer.train(hp, small, 7, first.checkpoint(), 3, Duration.ZERO, e -> { });
        assertEquals(3, rest.epochs().size());
        assertEquals(whole.epochs().get(2).trainLoss(), rest.epochs().get(2).trainLoss(), 1e-6);
        assertEquals(whole.epochs().get(2).validationMse(), rest.epochs().get(2).validationMse(), 1e-6);
        // Without the optimiser state the continuation differs: the check above can fail.
        Checkpoint modelOnly = new Checkpoint(first.epochs(), null, org.daesweep.model.ModelFile.toBytes(first.network()));
        TrainingRun restarted = trainer.train(hp, small, 7, modelOnly, 3, Duration.ZERO, e -> { });
        assertTrue(Math.abs(whole.epochs().get(2).trainLoss() - restarted.epochs().get(2).trainLoss()) > 1e-6);
    }
}
