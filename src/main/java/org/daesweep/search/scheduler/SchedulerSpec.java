package org.daesweep.search.scheduler;

import java.io.Serializable;
import java.util.List;

/**
 * The configured scheduler (search.scheduler): a scheduler keeps state, so a sweep makes a
 * fresh one from this.
 *
 * @param type       full, asha or successive-halving
 * @param minEpochs  the first rung's epochs, a fraction allowed
 * @param reduction  each rung keeps the best 1/reduction
 */
public record SchedulerSpec(String type, double minEpochs, int reduction) implements Serializable {
    public static final List<String> TYPES = List.of("full", "asha", "successive-halving");

    public Scheduler create(int maxEpochs) {
        return switch (type) {
            case "full" -> new FullBudget(maxEpochs);
            case "asha" -> new Asha(Scheduler.geometricRungs(minEpochs, maxEpochs, reduction), reduction);
            case "successive-halving" -> new SuccessiveHalving(
                    Scheduler.geometricRungs(minEpochs, maxEpochs, reduction), reduction);
            default -> throw new IllegalArgumentException("unknown scheduler " + type);
        };
    }
}
