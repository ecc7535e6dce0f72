package org.daesweep.search.bench;

import org.daesweep.search.SweepLoop;
import org.daesweep.search.sampler.Sampler;
import org.daesweep.search.scheduler.Asha;
import org.daesweep.search.scheduler.FullBudget;
import org.daesweep.search.scheduler.Scheduler;
import org.daesweep.search.stop.Budget;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * One search of a problem by the real {@link SweepLoop} on a {@link SimulatedCluster}: how the
 * best objective found fell against the trials ended and the epochs spent.
 */
final class SearchRun {
    /** ASHA's reduction factor, as in conf/asha.conf. */
    private static final int REDUCTION = 3;

    /** A way to search: a sampler, under ASHA or with every trial trained its full budget. */
    record Method(String name, Supplier<Sampler> sampler, boolean asha) {
    }

    /** After a piece ended: trials ended (a full budget reached, or failed), epochs spent, the best objective so far. */
    record Point(int trials, double epochs, double seconds, double best) {
    }

    private SearchRun() {
    }

    /**
     * @param maxTrials   the trials the sweep may start
     * @param epochBudget the epochs it may spend in all, 0 for no limit
     */
    static List<Point> run(Problem problem, Method method, int slots, long seed, int maxTrials, long epochBudget) {
        Scheduler scheduler = method.asha()
                ? new Asha(Scheduler.geometricRungs(1, problem.epochs(), REDUCTION), REDUCTION)
                : new FullBudget(problem.epochs());
        SweepLoop loop = new SweepLoop(problem.space(), method.sampler().get(), seed, seed, scheduler,
                new Budget(Duration.ZERO, epochBudget, 0), maxTrials, slots);
        SimulatedCluster cluster = new SimulatedCluster(problem);
        List<Point> points = new ArrayList<>();
        Map<String, Double> trained = new HashMap<>();
        double[] state = {0, 0, Double.POSITIVE_INFINITY};
        loop.run(Map.of(), cluster, new SweepLoop.Listener() {
            @Override
            public void pieceEnded(TrialPiece piece, TrialResult merged) {
                double before = trained.getOrDefault(merged.spec().id(), 0.0);
                trained.put(merged.spec().id(), merged.epochsTrained());
                state[1] += merged.epochsTrained() - before;
                boolean ok = merged.status() == TrialStatus.OK;
                if (!ok || merged.epochsTrained() >= problem.epochs()) {
                    state[0]++;
                }
                if (ok) {
                    state[2] = Math.min(state[2], merged.bestValidationMse());
                }
                points.add(new Point((int) state[0], state[1], cluster.now(), state[2]));
            }

            @Override
            public void progress(SweepLoop.Counts counts) {
            }
        });
        return points;
    }

    /** The best objective once at most {@code limit} was spent, in trials ended or epochs ({@code spent}). */
    static double bestWithin(List<Point> points, ToDoubleFunction<Point> spent, double limit) {
        double best = Double.POSITIVE_INFINITY;
        for (Point p : points) {
            if (spent.applyAsDouble(p) > limit) {
                break;
            }
            best = p.best();
        }
        return best;
    }

    /** What had been spent, in trials ended or epochs, when the best first reached {@code target}; infinity if never. */
    static double spentTo(List<Point> points, ToDoubleFunction<Point> spent, double target) {
        return points.stream().filter(p -> p.best() <= target).mapToDouble(spent).findFirst()
                .orElse(Double.POSITIVE_INFINITY);
    }
}
