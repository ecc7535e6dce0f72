package org.daesweep.training;

import org.daesweep.TestData;
import org.daesweep.data.SplitSpec;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.trial.EpochStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingWarmUpTest {
    private static final Hyperparameters SMALL = Hyperparameters.referenceBaseline()
            .with(Hyperparameter.FILTERS, 8).withTraining(1, 32);

    @Test
    void aTrialTrainsTheSameAfterAWarmUpAsBefore() {
        NativeRuntime.configure(1);
        TrainingData data = SweepData.prepare(TestData.strokeImages(200, 28, 28), new SplitSpec(0.2, 0.2, 42),
                NoiseSetup.of(new GaussianNoise(0.3)), 42).training();
        List<EpochStats> before = new TrialTrainer().train(SMALL, data, 7, Duration.ZERO, e -> { }).epochs();
        new TrainingWarmUp(SMALL.with(Hyperparameter.BATCH_NORM, true), 28, 28, 1).run();
        List<EpochStats> after = new TrialTrainer().train(SMALL, data, 7, Duration.ZERO, e -> { }).epochs();
        assertEquals(before.get(0).trainLoss(), after.get(0).trainLoss());
        assertEquals(before.get(0).validationMse(), after.get(0).validationMse());
    }
}
