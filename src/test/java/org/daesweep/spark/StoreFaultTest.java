package org.daesweep.spark;

import org.daesweep.FaultyFileSystem;
import org.daesweep.results.SweepDirectory;
import org.daesweep.SweepFailedException;
import org.daesweep.TestData;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.Tables;
import org.daesweep.trial.TrialResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that fails while a sweep writes to it (a full disk, a refused rename): the sweep stops
 * with one line naming the file, leaves no table that looks complete and is not, and a rerun on
 * the repaired store ends with every trial once.
 */
class StoreFaultTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void registerTheScheme() {
        FaultyFileSystem.register();
    }

    @AfterEach
    void repair() {
        FaultyFileSystem.repair();
    }

    private SweepConfig config() throws Exception {
        Path conf = TestData.smallSweep(dir, "faults", "faulty://" + dir.resolve("out"), """
                spark.master = "local[1]"
                search.trials = 4
                """);
        return ConfigLoader.load(conf, List.of());
    }

    @Test
    void aDiskThatFillsWhileJournalingStopsTheSweepAndTheRerunLosesNothing() throws Exception {
        SweepConfig config = config();
        FaultyFileSystem.fillDiskFor("trial-0002.json", 100);
        SweepFailedException full = assertThrows(SweepFailedException.class, () -> new SweepDriver(config, false, 0).run());
        assertTrue(full.getMessage().matches("cannot write faulty:/\\S+/journal/trial-0002\\.json: No space left on device "
                + "\\(injected\\); what was journaled is kept: run the same command again to resume"), full.getMessage());
        Path out = dir.resolve("out/faults");
        assertFalse(Files.exists(out.resolve(Tables.TRIALS.name())), "no trials table before the search has ended");
        assertEquals(List.of("trial-0000.json", "trial-0001.json"), journaled(out));

        FaultyFileSystem.repair();
        SweepSummary resumed = new SweepDriver(config, false, 0).run();
        assertEquals(2, resumed.run().trialsRun(), "trials 0 and 1 came from the journal");
        assertEveryTrialOnce(resumed, out);
    }

    @Test
    void aRefusedRenameOfATableStopsTheSweepAndTheRerunCompletesIt() throws Exception {
        SweepConfig config = config();
        FaultyFileSystem.failRenameTo(Tables.TRIALS.name());
        SweepFailedException refused = assertThrows(SweepFailedException.class,
                () -> new SweepDriver(config, false, 0).run());
        assertTrue(refused.getMessage().matches("cannot write faulty:/\\S+/" + Tables.TRIALS.name().replace(".", "\\.")
                + ": rename refused by the store \\(injected\\); .*"), refused.getMessage());
        Path out = dir.resolve("out/faults");
        assertFalse(Files.exists(out.resolve(Tables.TRIALS.name())), "the table is in place whole or not at all");
        assertEquals(4, journaled(out).size());

        FaultyFileSystem.repair();
        SweepSummary resumed = new SweepDriver(config, false, 0).run();
        assertEquals(0, resumed.run().trialsRun(), "every trial came from the journal");
        assertEveryTrialOnce(resumed, out);
    }

    /**
     * A run that retrains with new settings fails at several points of making its results
     * visible: before its manifest is written the earlier set stays whole; after it, the next run
     * completes the new set. Either way the tables agree with one another.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"metrics", "trials", SweepDirectory.MODEL,
            SweepDirectory.OUTCOME, "epochs"})
    void aRunStoppedWhilePublishingLeavesOneWholeSet(String failingAt) throws Exception {
        SweepConfig config = config();
        new SweepDriver(config, false, 0).run();
        Path out = dir.resolve("out/faults");
        assertConsistent(out, 1);

        SweepConfig longer = ConfigLoader.load(dir.resolve("sweep.conf"), List.of("retrain.epochs=2"));
        if (failingAt.equals("metrics")) {
            FaultyFileSystem.fillDiskFor("/metrics/", 10);
        } else {
            FaultyFileSystem.failRenameTo(failingAt);
        }
        assertThrows(SweepFailedException.class, () -> new SweepDriver(longer, false, 0).run());
        FaultyFileSystem.repair();
        if (failingAt.equals("metrics")) {
            assertConsistent(out, 1);
            assertFalse(Files.exists(out.resolve("_publishing")), "stopped while staging: the earlier set, untouched");
        } else {
            assertTrue(Files.exists(out.resolve("_publishing")), "stopped while publishing");
        }
        SweepSummary completed = new SweepDriver(longer, false, 0).run();
        assertEquals(0, completed.run().trialsRun());
        assertConsistent(out, 2);
        try (var left = Files.list(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().matches("_tmp|_publishing")), "nothing left over");
        }
    }

    /** The epochs table's retrain rows, the outcome and the metrics all belong to one retrain of the best trial. */
    private static void assertConsistent(Path out, int retrainEpochs) throws Exception {
        org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().master("local[1]")
                .appName("check").config("spark.ui.enabled", "false").getOrCreate();
        try {
            var trials = spark.read().parquet(out.resolve(Tables.TRIALS.name()).toString());
            String best = trials.filter("status = 'ok'").orderBy("best_val_mse").first().getAs("trial_id");
            var retrain = spark.read().parquet(out.resolve(Tables.EPOCHS.name()).toString()).filter("phase = 'retrain'");
            assertEquals(retrainEpochs, retrain.count());
            assertEquals(best, retrain.first().getAs("trial_id"));
            String outcome = Files.readString(out.resolve("outcome.json"));
            assertTrue(outcome.contains("\"bestTrial\" : \"" + best + "\""), outcome);
            assertEquals(retrainEpochs, outcome.split("\"trainLoss\"", -1).length - 1, "the outcome's retrain epochs");
            double psnr = spark.read().parquet(out.resolve(Tables.METRICS.name()).toString()).filter("model = 'best'")
                    .first().getAs("psnr");
            assertTrue(outcome.contains("\"meanPsnr\" : " + psnr), "the outcome's figures are the metrics table's");
            try (var model = Files.newInputStream(out.resolve(SweepDirectory.MODEL))) {
                assertEquals(retrainEpochs, org.daesweep.model.ModelFile.read(model, "model").hyperparameters().epochs());
            }
        } finally {
            spark.stop();
        }
    }

    private static List<String> journaled(Path out) throws Exception {
        try (var files = Files.list(out.resolve("journal"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static void assertEveryTrialOnce(SweepSummary summary, Path out) throws Exception {
        assertEquals(List.of("trial-0000", "trial-0001", "trial-0002", "trial-0003"),
                summary.trials().stream().map(TrialResult::spec).map(s -> s.id()).sorted().toList());
        assertEquals(4, journaled(out).size());
        try (var parts = Files.list(out.resolve(Tables.TRIALS.name()))) {
            assertTrue(parts.anyMatch(p -> p.getFileName().toString().equals("_SUCCESS")), "a whole table");
        }
    }
}
