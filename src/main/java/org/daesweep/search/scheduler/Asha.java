package org.daesweep.search.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020): whenever a slot frees, continue a trial that is in the best
 * 1/{@code reduction} of the results its rung has so far, looking from the top rung down;
 * otherwise a new trial starts. No rung waits for a full round, so no slot idles, at the price
 * of promoting a few trials a synchronous round would not have.
 */
public final class Asha implements Scheduler {
    private final List<Double> rungs;
    private final int reduction;
    private final List<Map<String, Double>> results = new ArrayList<>();
    private final List<Set<String>> promoted = new ArrayList<>();

    public Asha(List<Double> rungs, int reduction) {
        this.rungs = List.copyOf(rungs);
        this.reduction = reduction;
        for (int i = 0; i < rungs.size(); i++) {
            results.add(new HashMap<>());
            promoted.add(new HashSet<>());
        }
    }

    @Override
    public List<Double> rungs() {
        return rungs;
    }

    @Override
    public double expectedEpochsPerTrial() {
        return Scheduler.expectedEpochs(rungs, reduction);
    }

    @Override
    public void reported(String trialId, int rung, double objective) {
        results.get(rung).put(trialId, objective);
    }

    @Override
    public Optional<Promotion> promote(boolean entryClosed) {
        for (int rung = rungs.size() - 2; rung >= 0; rung--) {
            Map<String, Double> r = results.get(rung);
            for (String trial : Ranking.best(r, r.size() / reduction)) {
                if (promoted.get(rung).add(trial)) {
                    return Optional.of(new Promotion(trial, rung));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "asha(rungs=" + rungs + ", reduction=" + reduction + ")";
    }
}
