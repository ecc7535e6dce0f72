package org.daesweep.search.sampler;

import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.util.List;

/**
 * What a sampler may learn from when it proposes a trial.
 *
 * @param reported the trials that have reported at least one rung or ended without a result, latest result each
 *                 (any others given are left out)
 * @param running  the trials with a piece of training under way, in trial order: a sampler that
 *                 knows of them can keep concurrent proposals apart
 */
public record SearchHistory(List<TrialResult> reported, List<TrialSpec> running) {
    public static final SearchHistory NONE = new SearchHistory(List.of(), List.of());

    public SearchHistory {
        // A trial started and not back yet has reported nothing to learn from.
        reported = reported.stream().filter(r -> r.rung() >= 0 || r.status() != TrialStatus.OK).toList();
        running = List.copyOf(running);
    }

    /** Only finished trials, none under way. */
    public static SearchHistory of(List<TrialResult> reported) {
        return new SearchHistory(reported, List.of());
    }
}
