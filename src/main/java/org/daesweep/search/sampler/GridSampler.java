package org.daesweep.search.sampler;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Collections;

/**
 * Every combination of the domains' grid values. With a seed the grid is visited in a seeded
 * shuffled order, so a sweep that stops early has still seen a spread of the grid.
 */
public final class GridSampler implements Sampler {
    private final boolean shuffle;

    public GridSampler(boolean shuffle) {
        this.shuffle = shuffle;
    }

    @Override
    public Hyperparameters propose(SearchSpace space, int index, long seed, SearchHistory history) {
        long size = capacity(space);
        if (index >= size) {
            throw new IllegalArgumentException("the grid holds " + size + " configurations, trial " + index + " was asked");
        }
        List<Hyperparameter> names = new ArrayList<>(space.domains().keySet());
        List<List<Object>> axes = names.stream().map(h -> space.domains().get(h).gridValues()).toList();
        int cell = index;
        if (shuffle) {
            List<Integer> cells = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                cells.add(i);
            }
            Collections.shuffle(cells, new Random(seed));
            cell = cells.get(index);
        }
        Map<Hyperparameter, Object> values = new LinkedHashMap<>();
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<Object> axis = axes.get(a);
            values.put(names.get(a), axis.get(cell % axis.size()));
            cell /= axis.size();
        }
        return space.resolve(values);
    }

    @Override
    public long capacity(SearchSpace space) {
        long size = 1;
        for (Domain d : space.domains().values()) {
            size = Math.multiplyExact(size, d.gridValues().size());
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the grid holds " + size + " configurations, too many to list");
        }
        return size;
    }

    @Override
    public String name() {
        return "grid";
    }
}
