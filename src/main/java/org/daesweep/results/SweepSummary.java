package org.daesweep.results;

import org.daesweep.metrics.ImageScores;
import org.daesweep.training.TrialResult;

import java.util.List;

/** What a finished sweep reports to its caller: where the results are and the headline figures. */
public record SweepSummary(String location, List<TrialResult> trials, TrialResult best, ImageScores bestScores,
                           ImageScores noisyScores, double trialSeconds, double seconds) {
}
