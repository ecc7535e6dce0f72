package org.daesweep.search;

import java.util.Optional;

/** When a sweep ends, whatever is left to try. A plug-in point beside the sampler and the scheduler. */
public interface StopCondition {
    /** Why the sweep should start nothing more, or empty to go on. */
    Optional<String> reached(SweepState state);

    /** What the condition sees of a sweep. */
    record SweepState(long epochsSpent, double elapsedSeconds, int trialsSinceImprovement) {
    }
}
