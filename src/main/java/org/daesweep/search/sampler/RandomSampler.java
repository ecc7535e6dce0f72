package org.daesweep.search.sampler;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Independent draws from every domain, each trial from its own seeded stream. */
public final class RandomSampler implements Sampler {
    @Override
    public Hyperparameters propose(SearchSpace space, int index, long seed, SearchHistory history) {
        return draw(space, new Random(TrialSpec.deriveSeed(seed, index)));
    }

    /** One independent draw from every domain. */
    static Hyperparameters draw(SearchSpace space, Random random) {
        Map<Hyperparameter, Object> values = new LinkedHashMap<>();
        space.domains().forEach((h, d) -> values.put(h, d.sample(random)));
        return space.resolve(values);
    }

    @Override
    public long capacity(SearchSpace space) {
        return -1;
    }

    @Override
    public String name() {
        return "random";
    }
}
