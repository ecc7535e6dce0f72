package org.daesweep.search.bench;

import org.daesweep.model.Hyperparameters;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.trial.TrialStatus;

/**
 * What a search benchmark searches: a space, and for each configuration its validation MSE after
 * every epoch and what an epoch costs, recorded or computed, so a search runs without training.
 */
interface Problem {
    String name();

    SearchSpace space();

    /** A trial's full budget. */
    int epochs();

    /** The configuration's learning curve and cost. */
    Curve curve(Hyperparameters hp);

    /** The lowest objective any configuration reaches: regret is measured from it. */
    double optimum();

    /**
     * @param validationMse   after epochs 1, 2, ...; fewer than the budget when training stopped early
     * @param ending          how the trial ended after its last value: OK, or collapsed, diverged, ...
     * @param secondsPerEpoch what an epoch of it takes on the simulated cluster
     */
    record Curve(double[] validationMse, TrialStatus ending, double secondsPerEpoch) {
        /** Whether training up to {@code epochs} ends the trial without a result. */
        boolean failsBy(int epochs) {
            return ending != TrialStatus.OK && epochs >= validationMse.length;
        }
    }
}
