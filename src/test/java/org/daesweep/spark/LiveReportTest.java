package org.daesweep.spark;

import org.apache.spark.sql.SparkSession;
import org.daesweep.results.SweepDirectory;
import org.daesweep.model.Hyperparameters;
import org.daesweep.results.Report;
import org.daesweep.results.ResultStore;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveReportTest {
    @TempDir
    Path dir;

    private static TrialResult trial(int index) {
        return new TrialResult(TrialSpec.of(index, 1, Hyperparameters.referenceBaseline()), TrialStatus.OK, "",
                new TrialResult.Training(List.of(new EpochStats(1, 0.1, 0.1, 0.05, 1, 0, Double.NaN)), 1, 0.05, 10, 1),
                new TrialResult.Placement("", ""), new TrialResult.Rungs(0, List.of(0.05)));
    }

    @Test
    void aPieceEndedAfterTheIntervalWritesAReloadingReportAndLaterOnesWaitTheirTurn() throws Exception {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("live report")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            ResultStore store = new ResultStore(spark, dir.toString());
            LiveReport live = new LiveReport(store, new org.daesweep.search.space.SearchSpace(org.daesweep.model.Hyperparameters.referenceBaseline(), java.util.Map.of()), List.of(1.0), List.of(trial(0)),
                    System.nanoTime() - LiveReport.EVERY_NANOS);
            live.pieceEnded(trial(1));
            String first = Files.readString(dir.resolve(SweepDirectory.REPORT));
            assertTrue(first.contains("http-equiv=\"refresh\""), "reloads itself while the sweep runs");
            assertTrue(first.contains("<section id=\"trials\" data-items=\"2\""), "the journaled trial and the new one");
            live.pieceEnded(trial(2));
            assertEquals(first, Files.readString(dir.resolve(SweepDirectory.REPORT)), "at most one rewrite every few seconds");
        } finally {
            spark.stop();
        }
    }
}
