package org.daesweep.search.scheduler;

import org.daesweep.trial.Epochs;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides how far each trial trains: a trial runs to the end of a rung, reports its objective
 * (validation MSE, lower is better) and waits until the scheduler continues it to the next rung
 * or the sweep ends. Separate from the {@link Sampler} (what to try) and the
 * {@link StopCondition} (when to end), as in Optuna and Ray Tune. Used by one driver thread.
 */
public interface Scheduler {
    /**
     * Where each rung ends, in epochs, ascending; the last is a trial's full budget. Rungs below
     * one epoch are fractions (a trial pauses mid-epoch), so a first rung stays cheap when many
     * trials are judged on it.
     */
    List<Double> rungs();

    /** Epochs a trial trains on average if the scheduler keeps 1/reduction at each rung: for time estimates. */
    double expectedEpochsPerTrial();

    /** Whether a new trial may start now (the budget permitting); most schedulers always take one. */
    default boolean admitsNewTrials() {
        return true;
    }

    /** A new trial has started at the first rung; a scheduler that works in rounds counts it. */
    default void admitted(String trialId) {
    }

    /** A trial ended {@code rung} with this objective; NaN when it failed and must never continue. */
    void reported(String trialId, int rung, double objective);

    /**
     * A paused trial to continue from the rung it ended to the next, if one is due now; it counts
     * as promoted from then on.
     *
     * @param entryClosed no new trial will start any more (budget spent), so a scheduler that
     *                    waits for a full round may decide on the trials it has
     */
    Optional<Promotion> promote(boolean entryClosed);

    /** Continue {@code trialId} from the end of rung {@code fromRung}. */
    record Promotion(String trialId, int fromRung) {
    }

    /** A short description for logs and the plan, e.g. {@code asha(rungs=[1, 3, 9], reduction=3)}. */
    String describe();

    /**
     * Rung ends for a reduction factor: the full budget divided by powers of the factor, no lower
     * than {@code minEpochs}; whole epochs from one epoch up, fractions below, e.g. min 1, max 10,
     * factor 3: [1, 3, 10]; min 0.1, max 9, factor 3: [1/9, 1/3, 1, 3, 9].
     */
    static List<Double> geometricRungs(double minEpochs, int maxEpochs, int reduction) {
        if (!(minEpochs > 0) || maxEpochs < minEpochs || reduction < 2) {
            throw new IllegalArgumentException("need 0 < min epochs <= max epochs and a reduction factor >= 2, got min "
                    + minEpochs + ", max " + maxEpochs + ", factor " + reduction);
        }
        TreeSet<Double> rungs = new TreeSet<>();
        for (double e = maxEpochs; ; e /= reduction) {
            double end = e >= 1 ? Math.round(e) : e;
            if (end < minEpochs * (1 - 1e-9)) {
                break;
            }
            rungs.add(end);
        }
        return List.copyOf(rungs);
    }

    /** Epochs per trial on average when each rung continues 1/reduction of the one before. */
    static double expectedEpochs(List<Double> rungs, int reduction) {
        double epochs = 0;
        double share = 1;
        double previous = 0;
        for (double end : rungs) {
            epochs += share * (end - previous);
            previous = end;
            share /= reduction;
        }
        return epochs;
    }

    /** Rung ends for people: whole epochs without a decimal point, fractions to at most three places. */
    static String format(List<Double> rungs) {
        return rungs.stream().map(Epochs::format).toList().toString();
    }
}
