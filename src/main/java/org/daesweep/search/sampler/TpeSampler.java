package org.daesweep.search.sampler;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tree-structured Parzen estimator (Bergstra et al., NeurIPS 2011), univariate as in Hyperopt and
 * Optuna's default: the finished trials are split into the best {@code gamma} and the rest; for
 * each hyperparameter a density l(x) is fitted to the good values and g(x) to the others, and of
 * {@code candidates} draws from l the one with the highest l(x)/g(x) is proposed. The first
 * {@code startup-trials} trials, and any trial with fewer finished trials to learn from, are random.
 *
 * <p>Trials are compared by what they reported at the highest rung all of them have completed, so
 * trials an early-stopping scheduler paused at a rung compare fairly with those it continued.
 * Failed trials count among the bad, so the sampler learns to avoid what diverges. Each trial's
 * draws come from its own seed: given the same finished trials, a proposal is reproducible.
 */
public final class TpeSampler implements Sampler {
    /** Its options (search.tpe) with their defaults, Hyperopt's and Optuna's but for a shorter random start. */
    static final Map<String, Object> DEFAULTS = Map.of("startup-trials", 8, "gamma", 0.25, "candidates", 24);
    /** Weight of the uniform prior, as one pseudo-observation. */
    private static final double PRIOR = 1.0;

    private final int startup;
    private final double gamma;
    private final int candidates;

    /**
     * @param startup    trials drawn at random before the model is used
     * @param gamma      the share of finished trials that counts as good
     * @param candidates draws from the good density among which the best ratio is proposed
     */
    public TpeSampler(int startup, double gamma, int candidates) {
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
    }

    /** TPE with its default options. */
    public TpeSampler() {
        this((Integer) DEFAULTS.get("startup-trials"), (Double) DEFAULTS.get("gamma"), (Integer) DEFAULTS.get("candidates"));
    }

    /** From a sweep file's search.tpe block, every option present (the built-in defaults fill the gaps). */
    static TpeSampler withOptions(Map<String, Object> options) {
        return new TpeSampler(whole(options, "startup-trials"), number(options, "gamma").doubleValue(),
                whole(options, "candidates"));
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

    /** Trials drawn at random before the model is used. */
    int startupTrials() {
        return startup;
    }

    @Override
    public Hyperparameters propose(SearchSpace space, int index, long seed, List<TrialResult> finished) {
        Random random = new Random(TrialSpec.deriveSeed(seed, index));
        List<TrialResult> observed = finished.stream().filter(r -> r.rung() >= 0 || r.status() != TrialStatus.OK)
                .toList();
        if (index < startup || observed.size() < startup) {
            return RandomSampler.draw(space, random);
        }
        int commonRung = observed.stream().filter(r -> r.status() == TrialStatus.OK).mapToInt(TrialResult::rung)
                .min().orElse(0);
        List<TrialResult> ranked = new ArrayList<>(observed);
        ranked.sort(Comparator.comparingDouble(r -> objective(r, commonRung)));
        int good = Math.max(1, (int) Math.ceil(gamma * ranked.size()));
        List<Hyperparameters> better = ranked.subList(0, good).stream().map(r -> r.spec().hyperparameters()).toList();
        List<Hyperparameters> worse = ranked.subList(good, ranked.size()).stream()
                .map(r -> r.spec().hyperparameters()).toList();
        Map<Hyperparameter, Object> values = new LinkedHashMap<>();
        space.domains().forEach((h, d) -> values.put(h, d instanceof Domain.Continuous c
                ? continuous(c, column(better, h), column(worse, h), random)
                : categorical(d.gridValues(), column(better, h), column(worse, h), random)));
        return space.resolve(values);
    }

    @Override
    public long capacity(SearchSpace space) {
        return -1;
    }

    /** Failed trials rank last; ok ones by what they reported at the rung all of them have completed. */
    private static double objective(TrialResult r, int rung) {
        double v = r.status() == TrialStatus.OK ? r.rungObjectives().get(rung) : Double.NaN;
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    private static List<Object> column(List<Hyperparameters> configs, Hyperparameter h) {
        return configs.stream().map(c -> c.toMap().get(h.key())).toList();
    }

    /** Counts with a uniform prior; candidates drawn from the good distribution. */
    private Object categorical(List<Object> values, List<Object> good, List<Object> bad, Random random) {
        double[] l = new double[values.size()];
        double[] g = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            l[i] = (PRIOR + good.stream().filter(v::equals).count()) / (PRIOR * values.size() + good.size());
            g[i] = (PRIOR + bad.stream().filter(v::equals).count()) / (PRIOR * values.size() + bad.size());
        }
        int best = -1;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            int i = drawIndex(l, random);
            if (l[i] / g[i] > bestRatio) {
                bestRatio = l[i] / g[i];
                best = i;
            }
        }
        return values.get(best);
    }

    private static int drawIndex(double[] weights, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * Gaussian kernels at the observed values (in log space for a log range) plus a uniform
     * prior over the range, with a bandwidth that shrinks as observations grow.
     */
    private double continuous(Domain.Continuous d, List<Object> good, List<Object> bad, Random random) {
        double lo = transform(d, d.min());
        double hi = transform(d, d.max());
        double[] l = good.stream().mapToDouble(v -> transform(d, ((Number) v).doubleValue())).toArray();
        double[] g = bad.stream().mapToDouble(v -> transform(d, ((Number) v).doubleValue())).toArray();
        double lWidth = bandwidth(lo, hi, l.length);
        double gWidth = bandwidth(lo, hi, g.length);
        double best = lo;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            int k = random.nextInt(l.length + 1);
            double x = k == l.length ? lo + random.nextDouble() * (hi - lo)
                    : Math.min(hi, Math.max(lo, l[k] + lWidth * random.nextGaussian()));
            double ratio = Math.log(density(x, l, lWidth, lo, hi)) - Math.log(density(x, g, gWidth, lo, hi));
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = x;
            }
        }
        return d.log() ? Math.exp(best) : best;
    }

    private static double transform(Domain.Continuous d, double v) {
        return d.log() ? Math.log(v) : v;
    }

    private static double bandwidth(double lo, double hi, int n) {
        return Math.max(1e-12, (hi - lo) / Math.pow(n + 1, 1.0 / 5) / 2);
    }

    private static double density(double x, double[] centers, double width, double lo, double hi) {
        double sum = PRIOR / Math.max(1e-12, hi - lo);
        for (double c : centers) {
            double z = (x - c) / width;
            sum += Math.exp(-0.5 * z * z) / (width * Math.sqrt(2 * Math.PI));
        }
        return sum / (centers.length + PRIOR);
    }

    @Override
    public String name() {
        return "tpe";
    }
}
