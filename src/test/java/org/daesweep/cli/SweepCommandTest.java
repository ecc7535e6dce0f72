package org.daesweep.cli;

import org.daesweep.metrics.MeanScores;
import org.daesweep.model.Hyperparameters;
import org.daesweep.results.SweepSummary;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepCommandTest {
    private static final TrialResult BEST = new TrialResult(TrialSpec.of(0, 42, Hyperparameters.referenceBaseline()), TrialStatus.OK, "",
            new TrialResult.Training(List.of(new EpochStats(1, 0.02, 0.02, 0.01, 3, 0, Double.NaN)), 1, 0.01, 10, 3),
            new TrialResult.Placement("0", "h"), new TrialResult.Rungs(0, List.of(0.01)));
    private static final MeanScores MODEL = new MeanScores(1, 0.01, 20.0, 0.9);
    private static final MeanScores ENSEMBLED = new MeanScores(1, 0.009, 20.46, 0.91);
    private static final MeanScores NOISY = new MeanScores(1, 0.1, 10.0, 0.3);

    @Test
    void theTestMetricsShowTheSelfEnsembleWhenTheSweepMeasuredIt() {
        String with = printed(Optional.of(ENSEMBLED));
        assertTrue(with.contains("  best           0.01000     20.00   0.900\n"), with);
        assertTrue(with.contains("  ensembled      0.00900     20.46   0.910\n"), with);
        assertTrue(with.contains("  noisy input    0.10000     10.00   0.300\n"), with);
        assertFalse(printed(Optional.empty()).contains("ensembled"));
    }

    private static String printed(Optional<MeanScores> ensembled) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SweepCommand.print(new SweepSummary("file:/r", List.of(BEST), BEST, MODEL, ensembled, NOISY,
                        new SweepSummary.ThisRun(1, 3, 5, false)),
                Set.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
