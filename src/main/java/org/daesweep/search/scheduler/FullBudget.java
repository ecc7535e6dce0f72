package org.daesweep.search.scheduler;

import java.util.List;
import java.util.Optional;

/** Plain search: every trial trains its full budget in one piece; nothing is stopped early. */
public record FullBudget(int epochs) implements Scheduler {
    @Override
    public List<Double> rungs() {
        return List.of((double) epochs);
    }

    @Override
    public double expectedEpochsPerTrial() {
        return epochs;
    }

    @Override
    public void reported(String trialId, int rung, double objective) {
        // nothing to decide
    }

    @Override
    public Optional<Promotion> promote(boolean entryClosed) {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "full-budget(epochs=" + epochs + ")";
    }
}
