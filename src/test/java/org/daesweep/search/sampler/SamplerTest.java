package org.daesweep.search.sampler;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    private final SearchSpace space = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
            Hyperparameter.FILTERS, new Domain.IntRange(32, 128, 32),
            Hyperparameter.LEARNING_RATE, new Domain.Choice(List.of(1e-3, 5e-4, 1e-4)),
            Hyperparameter.BATCH_NORM, new Domain.Choice(List.of(true, false))));

    private List<Hyperparameters> first(Sampler sampler, int count, long seed) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> sampler.propose(space, i, seed, SearchHistory.NONE)).toList();
    }

    @Test
    void gridCoversEveryCombinationOnce() {
        GridSampler grid = new GridSampler(false);
        assertEquals(24, grid.capacity(space));
        List<Hyperparameters> all = first(grid, 24, 0);
        Set<String> seen = new HashSet<>();
        for (Hyperparameters hp : all) {
            seen.add(hp.filters() + "/" + hp.learningRate() + "/" + hp.batchNorm());
            assertEquals(Hyperparameters.referenceBaseline().kernel(), hp.kernel(), "unsearched keys keep the base value");
        }
        assertEquals(24, seen.size());
        assertThrows(IllegalArgumentException.class, () -> grid.propose(space, 24, 0, SearchHistory.NONE));
    }

    @Test
    void shuffledGridVisitsTheSameCellsInASeededOrder() {
        List<Hyperparameters> a = first(new GridSampler(true), 24, 1);
        assertEquals(new HashSet<>(first(new GridSampler(false), 24, 0)), new HashSet<>(a));
        assertEquals(a, first(new GridSampler(true), 24, 1));
        assertNotEquals(a, first(new GridSampler(true), 24, 2));
    }

    @Test
    void randomIsReproducibleBySeedAndExtendsAsPrefix() {
        RandomSampler random = new RandomSampler();
        List<Hyperparameters> a = first(random, 20, 42);
        assertEquals(a, first(random, 20, 42));
        assertNotEquals(a, first(random, 20, 43));
        assertEquals(a.subList(0, 5), first(random, 5, 42));
        for (Hyperparameters hp : a) {
            assertTrue(List.of(32, 64, 96, 128).contains(hp.filters()), "filters " + hp.filters());
        }
    }

    @Test
    void logUniformStaysInRangeAndSpreadsOverDecades() {
        Domain.Continuous d = new Domain.Continuous(1e-5, 1e-1, true);
        java.util.Random r = new java.util.Random(0);
        int lowDecade = 0;
        for (int i = 0; i < 4000; i++) {
            double v = (Double) d.sample(r);
            assertTrue(v >= 1e-5 && v <= 1e-1);
            if (v < 1e-4) {
                lowDecade++;
            }
        }
        assertEquals(1000, lowDecade, 100, "a quarter of the draws in the lowest of four decades");
    }

    @Test
    void trialSeedsAreDistinctAndStable() {
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seeds.add(TrialSpec.of(i, 42, Hyperparameters.referenceBaseline()).seed());
        }
        assertEquals(1000, seeds.size());
        assertEquals(TrialSpec.of(7, 42, Hyperparameters.referenceBaseline()), TrialSpec.of(7, 42, Hyperparameters.referenceBaseline()));
        assertEquals("trial-0007", TrialSpec.of(7, 42, Hyperparameters.referenceBaseline()).id());
    }

    @Test
    void tpeConcentratesOnWhatWorkedAndIsReproducible() {
        // A noiseless objective: validation MSE = |log10(lr) + 3|, best at lr 1e-3, filters 64 a bonus.
        SearchSpace lr = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
                Hyperparameter.LEARNING_RATE, new Domain.Continuous(1e-5, 1e-1, true),
                Hyperparameter.FILTERS, new Domain.IntRange(32, 128, 32)));
        TpeSampler tpe = new TpeSampler();
        java.util.function.ToDoubleFunction<List<TrialResult>> closeShare = trials -> trials.stream()
                .filter(t -> Math.abs(Math.log10(t.spec().hyperparameters().learningRate()) + 3) < 0.5
                        && t.spec().hyperparameters().filters() == 64).count() / (double) trials.size();
        double start = 0;
        double guided = 0;
        for (long seed = 1; seed <= 5; seed++) {
            List<TrialResult> history = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Hyperparameters hp = tpe.propose(lr, i, seed, SearchHistory.of(history));
                assertEquals(hp, tpe.propose(lr, i, seed, SearchHistory.of(history)), "same history, same proposal");
                double mse = Math.abs(Math.log10(hp.learningRate()) + 3) + (hp.filters() == 64 ? 0 : 0.5);
                history.add(scored(i, hp, mse));
            }
            start += closeShare.applyAsDouble(history.subList(0, tpe.startupTrials())) / 5;
            guided += closeShare.applyAsDouble(history.subList(20, 40)) / 5;
        }
        // Without a model, 1 in 4 filters x 1 decade in 4 = ~6%.
        assertTrue(guided > 0.2 && guided > 4 * start, "near the optimum: start " + start + ", tpe " + guided);
    }

    @Test
    void tpeLearnsToAvoidWhatFailsAndCopesWithOnlyFailures() {
        // Learning rates above 1e-2 diverge; the rest are scored by distance to 1e-3.
        SearchSpace lr = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
                Hyperparameter.LEARNING_RATE, new Domain.Continuous(1e-5, 1e-1, true)));
        TpeSampler tpe = new TpeSampler();
        List<TrialResult> history = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Hyperparameters hp = tpe.propose(lr, i, 3, SearchHistory.of(history));
            TrialSpec spec = TrialSpec.of(i, 3, hp);
            if (hp.learningRate() > 1e-2) {
                history.add(TrialResult.unmeasured(spec, TrialStatus.DIVERGED,
                        List.of(), "loss became NaN", "", ""));
            } else {
                double mse = Math.abs(Math.log10(hp.learningRate()) + 3);
                history.add(new TrialResult(spec, TrialStatus.OK, "",
                        new TrialResult.Training(List.of(new EpochStats(1, 1, 1, mse, 1, 0, Double.NaN)), 1, mse, 1, 1),
                        new TrialResult.Placement("", ""), new TrialResult.Rungs(0, List.of(mse))));
            }
        }
        long failedLate = history.subList(20, 40).stream()
                .filter(t -> t.status() != TrialStatus.OK).count();
        // At random a quarter of the draws (one decade in four) would fail: 5 of 20.
        assertTrue(failedLate <= 2, failedLate + " of the last 20 trials failed");

        List<TrialResult> failures = history.stream()
                .filter(t -> t.status() != TrialStatus.OK).toList();
        List<TrialResult> onlyFailures = new java.util.ArrayList<>();
        for (int i = 0; i < new TpeSampler().startupTrials() + 2; i++) {
            onlyFailures.add(failures.get(i % failures.size()));
        }
        double proposed = tpe.propose(lr, 50, 3, SearchHistory.of(onlyFailures)).learningRate();
        assertTrue(proposed >= 1e-5 && proposed <= 1e-1, "a proposal inside the domain: " + proposed);
    }

    private static TrialResult scored(int index, Hyperparameters hp, double... rungObjectives) {
        List<EpochStats> epochs = new java.util.ArrayList<>();
        for (int e = 0; e < rungObjectives.length; e++) {
            epochs.add(new EpochStats(e + 1, 1, 1, rungObjectives[e], 1, 0, Double.NaN));
        }
        double last = rungObjectives[rungObjectives.length - 1];
        return new TrialResult(TrialSpec.of(index, 9, hp), TrialStatus.OK, "",
                new TrialResult.Training(epochs, rungObjectives.length, last, 1, 1), new TrialResult.Placement("", ""),
                new TrialResult.Rungs(rungObjectives.length - 1, java.util.Arrays.stream(rungObjectives).boxed().toList()));
    }

    private static double unit(double lr) {
        return Math.log(lr / 1e-4) / Math.log(100);
    }

    @Test
    void theConstantLiarKeepsConcurrentProposalsApart() {
        // 16 slots free at once, as when a wave of trials ends on a cluster: each proposal is
        // made while the ones before it still run, and nothing new has reported.
        SearchSpace lr = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
                Hyperparameter.LEARNING_RATE, new Domain.Continuous(1e-4, 1e-2, true)));
        List<TrialResult> history = new java.util.ArrayList<>();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 20; i++) {
            double v = 1e-4 * Math.pow(100, r.nextDouble());
            history.add(scored(i, lr.resolve(Map.of(Hyperparameter.LEARNING_RATE, v)), Math.abs(unit(v) - 0.5)));
        }
        java.util.function.Function<TpeSampler, Double> spread = tpe -> {
            List<TrialSpec> running = new java.util.ArrayList<>();
            for (int i = 20; i < 36; i++) {
                Hyperparameters hp = tpe.propose(lr, i, 4, new SearchHistory(history, running));
                running.add(TrialSpec.of(i, 9, hp));
            }
            double[] u = running.stream().mapToDouble(t -> unit(t.hyperparameters().learningRate())).toArray();
            double mean = java.util.Arrays.stream(u).average().orElseThrow();
            return Math.sqrt(java.util.Arrays.stream(u).map(x -> (x - mean) * (x - mean)).sum() / u.length);
        };
        double without = spread.apply(new TpeSampler(8, 0.25, 24, false, false));
        double with = spread.apply(new TpeSampler(8, 0.25, 24, false, true));
        assertTrue(with > 1.5 * without, "spread of 16 concurrent proposals: liar " + with + ", without " + without);
    }

    @Test
    void underEarlyStoppingTpeLearnsFromTheHighestRungWithEnoughTrials() {
        // At the first rung low rates look best (they start fast); after three rungs high ones are.
        SearchSpace lr = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
                Hyperparameter.LEARNING_RATE, new Domain.Continuous(1e-4, 1e-2, true)));
        List<TrialResult> history = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double u = (i + 0.5) / 40;
            Hyperparameters hp = lr.resolve(Map.of(Hyperparameter.LEARNING_RATE, 1e-4 * Math.pow(100, u)));
            history.add(i % 4 == 0 ? scored(i, hp, u, u / 2, 1 - u) : scored(i, hp, u));
        }
        TpeSampler tpe = new TpeSampler();
        double high = 0;
        for (int i = 40; i < 60; i++) {
            high += unit(tpe.propose(lr, i, 2, SearchHistory.of(history)).learningRate()) > 0.5 ? 1 : 0;
        }
        assertTrue(high >= 15, high + " of 20 proposals among the rates that won at the last rung");
    }

    @Test
    void tpeOptionsAreCheckedByTheSampler() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SamplerSpec("tpe", Map.of("multivariate", "yes")).create());
        assertTrue(e.getMessage().startsWith("multivariate: must be true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SamplerSpec("tpe", Map.of("liar", true)).create());
        assertTrue(e.getMessage().startsWith("liar: not an option of tpe"), e.getMessage());
    }
}
