package org.daesweep.search.sampler;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Axis;
import org.daesweep.search.space.Halton;
import org.daesweep.search.space.ParzenEstimator;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Tree-structured Parzen estimator (Bergstra et al., NeurIPS 2011): the trials are split into the
 * best {@code gamma} and the rest; a density l(x) is fitted to the good configurations and g(x)
 * to the others, and of {@code candidates} draws from l the one with the highest l(x)/g(x) is
 * proposed. Univariate, each hyperparameter has densities of its own, as in Hyperopt;
 * multivariate, one density over all of them keeps what goes together together (Falkner et al.'s
 * BOHB, Optuna's {@code multivariate}). The first {@code startup-trials} trials, and any trial
 * with fewer reported trials to learn from, spread over the space ({@link #spread}).
 *
 * <p>With {@code constant-liar} the trials still running count among the bad, as in Optuna: a
 * proposal keeps away from what is being tried. It is off by default: in the search benchmark
 * it helped on some problems and cost trials on others. Under an early-stopping scheduler trials are compared at
 * the highest rung that holds at least {@code startup-trials} results (BOHB's rule): the model
 * learns from the longest training that enough trials have had, not from their first, noisiest
 * rung. Failed trials count among the bad, so the sampler learns to avoid what diverges. Each
 * trial's draws come from its own seed: given the same history, a proposal is reproducible.
 */
public final class TpeSampler implements Sampler {
    /** Its options (search.tpe) with their defaults. */
    static final Map<String, Object> DEFAULTS = Map.of("startup-trials", 8, "gamma", 0.1, "candidates", 24,
            "multivariate", true, "constant-liar", false);
    /** Rounds of draws at most for a configuration not tried yet. */
    private static final int ROUNDS = 8;

    private final int startup;
    private final double gamma;
    private final int candidates;
    private final boolean multivariate;
    private final boolean constantLiar;

    /**
     * @param startup      trials spread over the space before the model is used
     * @param gamma        the share of reported trials that counts as good
     * @param candidates   draws from the good density among which the best ratio is proposed
     * @param multivariate one density over all hyperparameters rather than one each
     * @param constantLiar count the trials still running among the bad
     */
    public TpeSampler(int startup, double gamma, int candidates, boolean multivariate, boolean constantLiar) {
        if (startup < 1) {
            throw new IllegalArgumentException("startup-trials: must be >= 1, got " + startup);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma: must be between 0 and 1, got " + gamma);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates: must be >= 1, got " + candidates);
        }
        this.startup = startup;
        this.gamma = gamma;
        this.candidates = candidates;
        this.multivariate = multivariate;
        this.constantLiar = constantLiar;
    }

    /** TPE with its default options. */
    public TpeSampler() {
        this(DEFAULTS);
    }

    private TpeSampler(Map<String, Object> options) {
        this(whole(options, "startup-trials"), number(options, "gamma").doubleValue(), whole(options, "candidates"),
                flag(options, "multivariate"), flag(options, "constant-liar"));
    }

    /** From a sweep file's search.tpe block, every option present (the built-in defaults fill the gaps). */
    static TpeSampler withOptions(Map<String, Object> options) {
        Map<String, Object> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(options);
        Set<String> unknown = new HashSet<>(all.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.iterator().next() + ": not an option of tpe (options: "
                    + String.join(", ", DEFAULTS.keySet().stream().sorted().toList()) + ")");
        }
        return new TpeSampler(all);
    }

    private static Number number(Map<String, Object> options, String key) {
        if (options.get(key) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(key + ": must be a number, got " + options.get(key));
    }

    private static int whole(Map<String, Object> options, String key) {
        Number n = number(options, key);
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(key + ": must be a whole number, got " + n);
        }
        return n.intValue();
    }

    private static boolean flag(Map<String, Object> options, String key) {
        if (options.get(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + ": must be true or false, got " + options.get(key));
    }

    /** Trials proposed before the model is used. */
    int startupTrials() {
        return startup;
    }

    @Override
    public Hyperparameters propose(SearchSpace space, int index, long seed, SearchHistory history) {
        List<TrialResult> reported = history.reported();
        if (index < startup || reported.size() < startup) {
            return spread(space, index, seed);
        }
        Random random = new Random(TrialSpec.deriveSeed(seed, index));
        int rung = TrialResult.highestRungCompletedBy(reported, startup);
        List<TrialResult> ranked = new ArrayList<>(reported.stream()
                .filter(r -> r.status() != TrialStatus.OK || r.rung() >= rung).toList());
        ranked.sort(Comparator.comparingDouble(r -> objective(r, rung)));
        int good = Math.max(1, (int) Math.ceil(gamma * ranked.size()));
        List<Hyperparameters> worse = new ArrayList<>(configurations(ranked.subList(good, ranked.size())));
        if (constantLiar) {
            Set<String> known = new HashSet<>();
            ranked.forEach(r -> known.add(r.spec().id()));
            history.running().stream().filter(s -> !known.contains(s.id()))
                    .forEach(s -> worse.add(s.hyperparameters()));
        }
        Densities densities = new Densities(space, configurations(ranked.subList(0, good)), worse);
        // A configuration already tried or under way would teach little (only its seed differs).
        // In a space of few values the best ratio soon picks one, so the draws go on, comparing
        // fewer candidates each round: following the good density ever more loosely.
        Set<Hyperparameters> tried = new HashSet<>(configurations(history.reported()));
        history.running().forEach(s -> tried.add(s.hyperparameters()));
        Hyperparameters proposal = densities.draw(random, candidates);
        for (int round = 1; round < ROUNDS && tried.contains(proposal); round++) {
            proposal = densities.draw(random, Math.max(1, candidates >> round));
        }
        return proposal;
    }

    /**
     * Trial {@code index} of a scrambled Halton sequence over the space. Every trial proposed
     * before enough have reported comes from it, so the blind start of a sweep on many slots
     * (at 128 slots, the first 128 trials) covers the space evenly instead of at random.
     */
    static Hyperparameters spread(SearchSpace space, int index, long seed) {
        List<Hyperparameter> names = new ArrayList<>(space.domains().keySet());
        double[] u = new Halton(names.size(), seed).point(index);
        Map<Hyperparameter, Object> values = new LinkedHashMap<>();
        for (int a = 0; a < names.size(); a++) {
            Axis axis = Axis.of(space.domains().get(names.get(a)));
            values.put(names.get(a), axis.decode(axis.fromUnit(u[a])));
        }
        return space.resolve(values);
    }

    /** The good and the bad trials' densities: one pair over all axes, or one pair per axis. */
    private final class Densities {
        private final SearchSpace space;
        private final List<Hyperparameter> names;
        private final List<Axis> axes;
        private final List<int[]> groups = new ArrayList<>();
        private final List<ParzenEstimator[]> pairs = new ArrayList<>();

        Densities(SearchSpace space, List<Hyperparameters> better, List<Hyperparameters> worse) {
            this.space = space;
            this.names = new ArrayList<>(space.domains().keySet());
            this.axes = names.stream().map(h -> Axis.of(space.domains().get(h))).toList();
            if (multivariate) {
                groups.add(IntStream.range(0, axes.size()).toArray());
            } else {
                IntStream.range(0, axes.size()).forEach(a -> groups.add(new int[]{a}));
            }
            for (int[] group : groups) {
                List<Axis> on = Arrays.stream(group).mapToObj(axes::get).toList();
                List<Hyperparameter> named = Arrays.stream(group).mapToObj(names::get).toList();
                pairs.add(new ParzenEstimator[]{ParzenEstimator.forSearch(on, encode(better, named, on)),
                        ParzenEstimator.forSearch(on, encode(worse, named, on))});
            }
        }

        /** Of {@code compared} draws from each good density, the one most likelier under it than under the bad one. */
        Hyperparameters draw(Random random, int compared) {
            double[] chosen = new double[axes.size()];
            for (int k = 0; k < groups.size(); k++) {
                ParzenEstimator l = pairs.get(k)[0];
                ParzenEstimator g = pairs.get(k)[1];
                double[] best = null;
                double bestRatio = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < compared; c++) {
                    double[] x = l.sample(random);
                    double ratio = l.logDensity(x) - g.logDensity(x);
                    if (ratio > bestRatio) {
                        bestRatio = ratio;
                        best = x;
                    }
                }
                for (int i = 0; i < groups.get(k).length; i++) {
                    chosen[groups.get(k)[i]] = best[i];
                }
            }
            Map<Hyperparameter, Object> values = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                values.put(names.get(a), axes.get(a).decode(chosen[a]));
            }
            return space.resolve(values);
        }
    }

    @Override
    public long capacity(SearchSpace space) {
        return -1;
    }

    /** Failed trials rank last; ok ones by what they reported at the modelled rung. */
    private static double objective(TrialResult r, int rung) {
        double v = r.status() == TrialStatus.OK ? r.rungObjectives().get(rung) : Double.NaN;
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    private static List<Hyperparameters> configurations(List<TrialResult> trials) {
        return trials.stream().map(r -> r.spec().hyperparameters()).toList();
    }

    private static List<double[]> encode(List<Hyperparameters> configs, List<Hyperparameter> names, List<Axis> axes) {
        List<double[]> points = new ArrayList<>();
        for (Hyperparameters c : configs) {
            Map<String, Object> m = c.toMap();
            double[] x = new double[axes.size()];
            for (int a = 0; a < axes.size(); a++) {
                x[a] = axes.get(a).encode(m.get(names.get(a).key()));
            }
            points.add(x);
        }
        return points;
    }

    @Override
    public String name() {
        return "tpe";
    }
}
