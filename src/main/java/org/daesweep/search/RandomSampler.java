package org.daesweep.search;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Independent draws from every domain, from one seeded stream. */
public final class RandomSampler implements Sampler {
    @Override
    public List<Hyperparameters> sample(SearchSpace space, int count, long seed) {
        Random random = new Random(seed);
        List<Hyperparameters> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<Hyperparameter, Object> values = new LinkedHashMap<>();
            space.domains().forEach((h, d) -> values.put(h, d.sample(random)));
            out.add(space.resolve(values));
        }
        return out;
    }

    @Override
    public long capacity(SearchSpace space) {
        return -1;
    }
}
