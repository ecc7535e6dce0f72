package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.daesweep.model.Hyperparameter;
import org.daesweep.search.sampler.Sampler;
import org.daesweep.search.sampler.SamplerSpec;
import org.daesweep.search.scheduler.SchedulerSpec;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.search.stop.Budget;

import java.util.HashMap;
import java.util.Map;

/** Reads the {@code search} block, with {@code trial.timeout}: space, sampler and its options, trials, scheduler, stop. */
final class SearchReader {
    private SearchReader() {
    }

    static SweepConfig.Search read(Keys k) {
        SearchSpace space = SpaceReader.read(k);
        Sampler sampler = sampler(k);
        return new SweepConfig.Search(space, sampler, trials(k, sampler, space), scheduler(k, space), budget(k),
                k.duration("trial.timeout"), k.whole("search.seed"));
    }

    /** Every sampler's options block ({@code search.<name>}) at its defaults, for the defaults the sweep file falls back on. */
    static Config optionDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        SamplerSpec.optionDefaults().forEach((name, options) -> options.forEach((key, value) ->
                defaults.put("search." + name + "." + key, value)));
        return ConfigFactory.parseMap(defaults);
    }

    /** A known sampler's option problem is named by its key (search.tpe.gamma); an unknown sampler by search.sampler. */
    private static Sampler sampler(Keys k) {
        String name = k.word("search.sampler");
        String block = "search." + name;
        boolean known = SamplerSpec.names().contains(name);
        Map<String, Object> options = known && k.config().hasPath(block)
                ? k.config().getConfig(block).root().unwrapped() : Map.of();
        try {
            return new SamplerSpec(name, options).create();
        } catch (IllegalArgumentException e) {
            throw new BadKey((known ? block + "." : "search.sampler: ") + e.getMessage());
        }
    }

    /** search.trials, checked against the sampler: 0 is the whole grid, and a grid cannot give more than it holds. */
    private static int trials(Keys k, Sampler sampler, SearchSpace space) {
        int trials = k.atLeast("search.trials", 0);
        long capacity;
        try {
            capacity = sampler.capacity(space);
        } catch (IllegalArgumentException e) {
            throw new BadKey(SpaceReader.SPACE + ": " + e.getMessage());
        }
        if (capacity >= 0) {
            if (trials > capacity) {
                throw new BadKey("search.trials: " + trials + " trials asked but the grid holds only " + capacity);
            }
            return trials == 0 ? (int) capacity : trials;
        }
        if (trials == 0) {
            throw new BadKey("search.trials: a random search needs trials >= 1");
        }
        return trials;
    }

    private static SchedulerSpec scheduler(Keys k, SearchSpace space) {
        String type = k.word("search.scheduler.type");
        if (!SchedulerSpec.TYPES.contains(type)) {
            throw new BadKey("search.scheduler.type: must be one of " + SchedulerSpec.TYPES + ", got " + type);
        }
        double minEpochs = k.number("search.scheduler.min-epochs");
        if (!(minEpochs > 0)) {
            throw new BadKey("search.scheduler.min-epochs: must be > 0 (a fraction of an epoch allowed), got " + minEpochs);
        }
        SchedulerSpec spec = new SchedulerSpec(type, minEpochs, k.integer("search.scheduler.reduction"));
        if (type.equals("full")) {
            return spec;
        }
        if (space.domains().containsKey(Hyperparameter.EPOCHS)) {
            throw new BadKey(SpaceReader.SPACE + ".epochs: cannot be searched with the " + type
                    + " scheduler, which decides each trial's epochs (its full budget is trial.epochs)");
        }
        try {
            spec.create(space.base().epochs());
        } catch (IllegalArgumentException e) {
            throw new BadKey("search.scheduler: " + e.getMessage() + " (max epochs = trial.epochs)");
        }
        return spec;
    }

    private static Budget budget(Keys k) {
        long epochs = k.whole("search.stop.epochs");
        int patience = k.integer("search.stop.patience");
        if (epochs < 0 || patience < 0) {
            throw new BadKey("search.stop: epochs and patience must be >= 0 (0 = off), got " + epochs + " and " + patience);
        }
        return new Budget(k.duration("search.stop.time"), epochs, patience);
    }
}
