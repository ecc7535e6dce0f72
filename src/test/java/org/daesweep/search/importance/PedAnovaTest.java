package org.daesweep.search.importance;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.sampler.RandomSampler;
import org.daesweep.search.sampler.SearchHistory;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PedAnovaTest {
    private final SearchSpace space = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
            Hyperparameter.LEARNING_RATE, new Domain.Continuous(1e-5, 1e-1, true),
            Hyperparameter.FILTERS, new Domain.IntRange(8, 64, 8),
            Hyperparameter.BATCH_NORM, new Domain.Choice(List.of(true, false)),
            Hyperparameter.KERNEL, new Domain.Fixed(3)));

    private static TrialResult ok(int index, Hyperparameters hp, double objective) {
        return new TrialResult(TrialSpec.of(index, 1, hp), TrialStatus.OK, "",
                new TrialResult.Training(List.of(new EpochStats(1, 1, 1, objective, 1, 0, Double.NaN)), 1, objective, 1, 1),
                new TrialResult.Placement("", ""), new TrialResult.Rungs(0, List.of(objective)));
    }

    @Test
    void theHyperparameterThatDecidesTheObjectiveComesFirst() {
        List<TrialResult> trials = new ArrayList<>();
        Random noise = new Random(3);
        for (int i = 0; i < 300; i++) {
            Hyperparameters hp = new RandomSampler().propose(space, i, 11, SearchHistory.NONE);
            double lr = Math.log10(hp.learningRate()) + 3;
            trials.add(ok(i, hp, lr * lr + 0.05 * hp.filters() / 64.0 + 0.01 * noise.nextGaussian()));
        }
        PedAnova.Importances importances = PedAnova.of(space, trials).orElseThrow();
        assertEquals(300, importances.trials());
        assertEquals(List.of(Hyperparameter.LEARNING_RATE, Hyperparameter.FILTERS, Hyperparameter.BATCH_NORM),
                List.copyOf(importances.shares().keySet()), "most important first, the fixed kernel left out: "
                        + importances.shares());
        assertTrue(importances.shares().get(Hyperparameter.LEARNING_RATE) > 0.6, importances.shares().toString());
        assertEquals(1.0, importances.shares().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void whenNothingMattersEveryDivergenceIsFarBelowADecidingOnes() {
        List<TrialResult> deciding = new ArrayList<>();
        List<TrialResult> noise = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            Hyperparameters hp = new RandomSampler().propose(space, i, 13, SearchHistory.NONE);
            double lr = Math.log10(hp.learningRate()) + 3;
            deciding.add(ok(i, hp, lr * lr));
            noise.add(ok(i, hp, random.nextDouble()));
        }
        double decides = PedAnova.of(space, deciding).orElseThrow().divergences().get(Hyperparameter.LEARNING_RATE);
        double most = PedAnova.of(space, noise).orElseThrow().divergences().values().stream()
                .mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(most < decides / 10, "largest divergence when nothing matters " + most + ", the learning rate's when "
                + "it decides " + decides);
    }

    @Test
    void tooFewTrialsSayNothing() {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < PedAnova.MIN_TRIALS - 1; i++) {
            trials.add(ok(i, new RandomSampler().propose(space, i, 1, SearchHistory.NONE), i));
        }
        assertTrue(PedAnova.of(space, trials).isEmpty());
    }
}
