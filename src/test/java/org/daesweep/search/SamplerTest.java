package org.daesweep.search;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
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

    @Test
    void gridCoversEveryCombinationOnce() {
        GridSampler grid = new GridSampler(false);
        assertEquals(24, grid.capacity(space));
        List<Hyperparameters> all = grid.sample(space, 24, 0);
        Set<String> seen = new HashSet<>();
        for (Hyperparameters hp : all) {
            seen.add(hp.filters() + "/" + hp.learningRate() + "/" + hp.batchNorm());
            assertEquals(Hyperparameters.referenceBaseline().kernel(), hp.kernel(), "unsearched keys keep the base value");
        }
        assertEquals(24, seen.size());
        assertThrows(IllegalArgumentException.class, () -> grid.sample(space, 25, 0));
    }

    @Test
    void shuffledGridVisitsTheSameCellsInASeededOrder() {
        List<Hyperparameters> a = new GridSampler(true).sample(space, 24, 1);
        assertEquals(new HashSet<>(new GridSampler(false).sample(space, 24, 0)), new HashSet<>(a));
        assertEquals(a, new GridSampler(true).sample(space, 24, 1));
        assertNotEquals(a, new GridSampler(true).sample(space, 24, 2));
    }

    @Test
    void randomIsReproducibleBySeedAndExtendsAsPrefix() {
        RandomSampler random = new RandomSampler();
        List<Hyperparameters> a = random.sample(space, 20, 42);
        assertEquals(a, random.sample(space, 20, 42));
        assertNotEquals(a, random.sample(space, 20, 43));
        assertEquals(a.subList(0, 5), random.sample(space, 5, 42));
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
}
