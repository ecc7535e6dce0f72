package org.daesweep.search.space;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;

/**
 * The hyperparameters a sweep varies, over a base configuration that fixes the rest.
 * Iteration order is the order of {@link Hyperparameter}, so sampling is reproducible.
 */
public record SearchSpace(Hyperparameters base, Map<Hyperparameter, Domain> domains) {
    public SearchSpace {
        Map<Hyperparameter, Domain> ordered = new LinkedHashMap<>();
        for (Hyperparameter h : Hyperparameter.values()) {
            if (domains.containsKey(h)) {
                ordered.put(h, domains.get(h));
            }
        }
        domains = Collections.unmodifiableMap(ordered);
    }

    /** The base configuration with the given values put in; each is coerced and checked. */
    public Hyperparameters resolve(Map<Hyperparameter, Object> values) {
        Map<String, Object> m = base.toMap();
        values.forEach((h, v) -> m.put(h.key(), v));
        return Hyperparameters.fromMap(m);
    }
}
