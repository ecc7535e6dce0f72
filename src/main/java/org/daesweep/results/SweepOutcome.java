package org.daesweep.results;

import org.daesweep.metrics.MeanScores;
import org.daesweep.trial.EpochStats;

import java.util.List;

/**
 * What a run of a sweep that went to its end computed, and from which settings: a rerun whose
 * settings give the same keys has nothing to do, and one that changed only the evaluation keeps
 * the retrained model. Published with the tables it describes, as one set.
 *
 * @param trials        how many trials the search ended with (the journal must still hold them all)
 * @param selfEnsembled null when evaluate.self-ensemble was off
 */
public record SweepOutcome(Keys keys, int trials, String bestTrial, List<EpochStats> retrainEpochs, MeanScores best,
                           MeanScores selfEnsembled, MeanScores noisy) {

    /** The same results under the keys of a run that changed only what they do not depend on. */
    public SweepOutcome withKeys(Keys newKeys, int trialCount) {
        return new SweepOutcome(newKeys, trialCount, bestTrial, retrainEpochs, best, selfEnsembled, noisy);
    }

    /**
     * Each stage's inputs, rendered: the search's settings; the retrained trial, its seed and
     * the retrain settings; and those with the evaluation settings.
     */
    public record Keys(String search, String retrain, String evaluation) {
    }
}
