package org.daesweep.search;

import org.daesweep.model.Hyperparameters;

import java.util.List;

/** Decides which configurations a sweep tries. A plug-in point, as Optuna's samplers are. */
public interface Sampler {
    /**
     * The first {@code count} configurations of this sampler over the space, reproducible by seed.
     * The i-th configuration must not depend on {@code count}, so a longer sweep extends a shorter one.
     */
    List<Hyperparameters> sample(SearchSpace space, int count, long seed);

    /** How many distinct configurations this sampler can give, or -1 when unbounded. */
    long capacity(SearchSpace space);
}
