package org.daesweep.results;

import org.daesweep.metrics.MeanScores;
import org.daesweep.trial.TrialResult;

import java.util.List;
import java.util.Optional;

/**
 * What a finished sweep reports to its caller: where the results are, the headline figures and
 * what this run did. {@code selfEnsembleScores} are the best model's averaged over flips and
 * turns, when evaluate.self-ensemble asked for them.
 */
public record SweepSummary(String location, List<TrialResult> trials, TrialResult best, MeanScores bestScores,
                           Optional<MeanScores> selfEnsembleScores, MeanScores noisyScores, ThisRun run) {

    /**
     * {@code trialsRun} of the trials trained (all of it, or some rungs) in this run, in
     * {@code trialSeconds}, the run's whole time {@code seconds}; the other results came from the
     * journal of an earlier run. {@code finishedEarlier}: an earlier run had done everything this
     * one was asked, so nothing ran.
     */
    public record ThisRun(int trialsRun, double trialSeconds, double seconds, boolean finishedEarlier) {
    }
}
