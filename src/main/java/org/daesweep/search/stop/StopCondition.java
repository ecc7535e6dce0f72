package org.daesweep.search.stop;

import java.util.Optional;

/** When a sweep ends, whatever is left to try. A plug-in point beside the sampler and the scheduler. */
public interface StopCondition {
    /** Why the sweep should start nothing more, or empty to go on. */
    Optional<String> reached(SweepState state);

    /**
     * Why a piece of training of {@code epochs} must not start now, or empty to start it: a
     * budget refuses a piece it cannot pay for in full, so it is never overrun.
     */
    default Optional<String> refuses(SweepState state, double epochs) {
        return Optional.empty();
    }

    /**
     * What the condition sees of a sweep.
     *
     * @param epochsRunning epochs the pieces of training under way will have spent when they end
     */
    record SweepState(double epochsSpent, double epochsRunning, double elapsedSeconds, int trialsSinceImprovement) {
    }
}
