package org.daesweep.search.bench;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.Domain;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialStatus;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.function.ToDoubleFunction;

/**
 * Standard test functions of black-box optimisation as one-epoch problems. Their coordinates are
 * read from hyperparameters of a sweep, so that the real search space, sampler and loop run them:
 * a real range, a log range, whole-number ranges and an unordered choice, each mapped onto [0, 1].
 * Each configuration takes its own simulated time (log-normal), so trials end out of order.
 */
final class TestFunctions {
    private static final double LR_MIN = 1e-4;
    private static final double LR_MAX = 1e-1;
    private static final double DROPOUT_MAX = 0.9;
    private static final List<Object> ACTIVATIONS = List.of("relu", "leakyrelu", "elu", "tanh", "swish");

    private TestFunctions() {
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]: x1 from dropout (a real range), x2 from the learning rate (a log range). */
    static Problem branin() {
        SearchSpace space = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
                Hyperparameter.DROPOUT, new Domain.Continuous(0, DROPOUT_MAX, false),
                Hyperparameter.LEARNING_RATE, new Domain.Continuous(LR_MIN, LR_MAX, true)));
        return new Function("branin", space, hp -> branin(-5 + 15 * dropout(hp), 15 * learningRate(hp)),
                0.397887);
    }

    /**
     * Hartmann-6 on [0, 1]^6: dropout, the learning rate (log), filters, batch size and kernel
     * (whole numbers, a thousand steps each) and the activation, whose five names stand for 0,
     * 0.25, ..., 1 with no order a sampler could see.
     */
    static Problem hartmann6() {
        SearchSpace space = new SearchSpace(Hyperparameters.referenceBaseline(), Map.of(
                Hyperparameter.DROPOUT, new Domain.Continuous(0, DROPOUT_MAX, false),
                Hyperparameter.LEARNING_RATE, new Domain.Continuous(LR_MIN, LR_MAX, true),
                Hyperparameter.FILTERS, new Domain.IntRange(1, 1001, 1),
                Hyperparameter.BATCH_SIZE, new Domain.IntRange(1, 1001, 1),
                Hyperparameter.KERNEL, new Domain.IntRange(1, 2001, 2),
                Hyperparameter.ACTIVATION, new Domain.Choice(ACTIVATIONS)));
        ToDoubleFunction<Hyperparameters> f = hp -> hartmann6(new double[]{dropout(hp), learningRate(hp),
                (hp.filters() - 1) / 1000.0, (hp.batchSize() - 1) / 1000.0, (hp.kernel() - 1) / 2000.0,
                ACTIVATIONS.indexOf(hp.activation()) / 4.0});
        return new Function("hartmann6", space, f, hartmann6Optimum());
    }

    private record Function(String name, SearchSpace space, ToDoubleFunction<Hyperparameters> f, double optimum)
            implements Problem {
        public int epochs() {
            return 1;
        }

        public Curve curve(Hyperparameters hp) {
            // Seeded by the searched values alone: a hyperparameter declared later must not change the durations.
            String searched = space.domains().keySet().stream().sorted().map(h -> h.key() + "=" + hp.values().get(h))
                    .collect(Collectors.joining(", "));
            double seconds = Math.exp(0.5 * new Random(searched.hashCode()).nextGaussian());
            return new Curve(new double[]{f.applyAsDouble(hp)}, TrialStatus.OK, seconds);
        }
    }

    private static double dropout(Hyperparameters hp) {
        return hp.dropout() / DROPOUT_MAX;
    }

    private static double learningRate(Hyperparameters hp) {
        return Math.log(hp.learningRate() / LR_MIN) / Math.log(LR_MAX / LR_MIN);
    }

    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double q = x2 - b * x1 * x1 + c * x1 - 6;
        return q * q + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                inner += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
            }
            sum -= ALPHA[i] * Math.exp(-inner);
        }
        return sum;
    }

    /**
     * The lowest value with the last coordinate one of the choice's five: a pattern search over the
     * other five from the unconstrained optimum, for each choice.
     */
    static double hartmann6Optimum() {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < ACTIVATIONS.size(); c++) {
            double[] x = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, c / 4.0};
            double fx = hartmann6(x);
            for (double step = 0.1; step > 1e-7; step /= 2) {
                for (boolean moved = true; moved; ) {
                    moved = false;
                    for (int j = 0; j < 5; j++) {
                        for (double d : new double[]{step, -step}) {
                            double old = x[j];
                            x[j] = Math.min(1, Math.max(0, old + d));
                            double fy = hartmann6(x);
                            if (fy < fx - 1e-15) {
                                fx = fy;
                                moved = true;
                            } else {
                                x[j] = old;
                            }
                        }
                    }
                }
            }
            best = Math.min(best, fx);
        }
        return best;
    }
}
