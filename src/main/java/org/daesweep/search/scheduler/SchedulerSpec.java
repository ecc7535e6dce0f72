package org.daesweep.search.scheduler;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The configured scheduler (search.scheduler): a scheduler keeps state, so a sweep makes a
 * fresh one from this. The one list of schedulers: a new one is its class and one line here.
 *
 * @param type       full, asha or successive-halving
 * @param minEpochs  the first rung's epochs, a fraction allowed
 * @param reduction  each rung keeps the best 1/reduction
 */
public record SchedulerSpec(String type, double minEpochs, int reduction) implements Serializable {
    private static final Map<String, BiFunction<SchedulerSpec, Integer, Scheduler>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("full", (spec, maxEpochs) -> new FullBudget(maxEpochs));
        REGISTRY.put("asha", (spec, maxEpochs) -> new Asha(spec.rungs(maxEpochs), spec.reduction));
        REGISTRY.put("successive-halving", (spec, maxEpochs) -> new SuccessiveHalving(spec.rungs(maxEpochs), spec.reduction));
    }

    public static final List<String> TYPES = List.copyOf(REGISTRY.keySet());

    public Scheduler create(int maxEpochs) {
        BiFunction<SchedulerSpec, Integer, Scheduler> create = REGISTRY.get(type);
        if (create == null) {
            throw new IllegalArgumentException("unknown scheduler " + type);
        }
        return create.apply(this, maxEpochs);
    }

    private List<Double> rungs(int maxEpochs) {
        return Scheduler.geometricRungs(minEpochs, maxEpochs, reduction);
    }
}
