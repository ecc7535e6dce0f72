package org.daesweep.search.importance;

import org.daesweep.model.Hyperparameter;
import org.daesweep.search.space.Axis;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.ParzenEstimator;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hyperparameter importance by PED-ANOVA (Watanabe, Bansal and Hutter, IJCAI 2023; Optuna's
 * default evaluator): for each hyperparameter, how far the values of the best trials are spread
 * differently from those of all trials, as the Pearson divergence of the two marginal densities,
 * shared out so the importances sum to one. A hyperparameter whose best values look like any
 * values did not matter. Needs no model fit, so thousands of trials take milliseconds.
 *
 * <p>Trials are compared at the highest rung at least {@link #RUNG_TRIALS} of them completed, as
 * the TPE sampler does; failed trials are left out. A small sweep gets importances too, as in
 * Optuna, with the count of trials behind them beside them.
 */
public final class PedAnova {
    /** Fewer trials than this have nothing to compare. */
    public static final int MIN_TRIALS = 2;
    /** Trials a rung needs for the comparison to be made there rather than at a lower rung. */
    private static final int RUNG_TRIALS = 10;
    /** The share of the trials that counts as the best. */
    private static final double TOP = 0.1;
    /** Points at which a line's densities are compared. */
    private static final int GRID = 128;

    private PedAnova() {
    }

    /**
     * What the importances were computed from and what they are.
     *
     * @param divergences each searched hyperparameter's Pearson divergence, most important first:
     *                    near zero for all when none mattered, whatever their shares
     */
    public record Importances(int rung, int trials, Map<Hyperparameter, Double> divergences) {
        /** Each hyperparameter's share of the divergences, summing to one (equal shares when all are zero). */
        public Map<Hyperparameter, Double> shares() {
            double sum = divergences.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<Hyperparameter, Double> shares = new LinkedHashMap<>();
            divergences.forEach((h, d) -> shares.put(h, sum > 0 ? d / sum : 1.0 / divergences.size()));
            return shares;
        }
    }

    /** Empty when fewer than {@link #MIN_TRIALS} trials reported or nothing is searched over more than one value. */
    public static Optional<Importances> of(SearchSpace space, List<TrialResult> trials) {
        int at = TrialResult.highestRungCompletedBy(trials, RUNG_TRIALS);
        List<TrialResult> ranked = new ArrayList<>(trials.stream()
                .filter(t -> t.status() == TrialStatus.OK && t.rung() >= at).toList());
        Map<Hyperparameter, Domain> searched = new LinkedHashMap<>();
        space.domains().forEach((h, d) -> {
            if (varies(d)) {
                searched.put(h, d);
            }
        });
        if (ranked.size() < MIN_TRIALS || searched.isEmpty()) {
            return Optional.empty();
        }
        ranked.sort(Comparator.comparingDouble(t -> t.rungObjectives().get(at)));
        int top = Math.max(2, (int) Math.ceil(TOP * ranked.size()));
        Map<Hyperparameter, Double> divergence = new LinkedHashMap<>();
        for (Map.Entry<Hyperparameter, Domain> e : searched.entrySet()) {
            Axis axis = Axis.of(e.getValue());
            List<double[]> all = coordinates(ranked, e.getKey(), axis);
            divergence.put(e.getKey(), pearson(axis, all.subList(0, top), all));
        }
        Map<Hyperparameter, Double> sorted = new LinkedHashMap<>();
        divergence.entrySet().stream().sorted(Map.Entry.<Hyperparameter, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Optional.of(new Importances(at, ranked.size(), sorted));
    }

    private static boolean varies(Domain d) {
        if (d instanceof Domain.Continuous c) {
            return c.max() > c.min();
        }
        if (d instanceof Domain.IntRange r) {
            return r.max() >= r.min() + r.step();
        }
        return d.gridValues().size() > 1;
    }

    private static List<double[]> coordinates(List<TrialResult> trials, Hyperparameter h, Axis axis) {
        return trials.stream().map(t -> new double[]{axis.encode(t.spec().hyperparameters().toMap().get(h.key()))})
                .toList();
    }

    /**
     * The Pearson divergence of the best trials' density from all trials', on a grid of the axis;
     * both with the kernels fitted to all, so that only where the trials lie differs.
     */
    private static double pearson(Axis axis, List<double[]> best, List<double[]> all) {
        ParzenEstimator q = ParzenEstimator.fitted(List.of(axis), all);
        ParzenEstimator p = q.over(best);
        List<Double> grid = new ArrayList<>();
        double cell;
        if (axis instanceof Axis.Line line) {
            cell = line.width() / GRID;
            for (int i = 0; i < GRID; i++) {
                grid.add(line.lo() + (i + 0.5) * cell);
            }
        } else {
            cell = 1;
            for (int i = 0; i < ((Axis.Categories) axis).values().size(); i++) {
                grid.add((double) i);
            }
        }
        double sum = 0;
        for (double x : grid) {
            double px = Math.exp(p.logDensity(new double[]{x}));
            double qx = Math.exp(q.logDensity(new double[]{x}));
            double ratio = px / qx - 1;
            sum += ratio * ratio * qx * cell;
        }
        return sum;
    }
}
