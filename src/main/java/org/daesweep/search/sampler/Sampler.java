package org.daesweep.search.sampler;

import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.SearchSpace;

/** Decides which configurations a sweep tries. A plug-in point, as Optuna's samplers are. */
public interface Sampler {
    /**
     * The configuration of trial {@code index}, reproducible by seed. A model-based sampler also
     * learns from {@code history}, the trials reported so far and those under way; the others
     * ignore it, so their i-th configuration never depends on what ran before (a longer sweep
     * extends a shorter one).
     */
    Hyperparameters propose(SearchSpace space, int index, long seed, SearchHistory history);

    /** How many distinct configurations this sampler can give, or -1 when unbounded. */
    long capacity(SearchSpace space);

    /** Its name in a sweep file (search.sampler). */
    String name();
}
