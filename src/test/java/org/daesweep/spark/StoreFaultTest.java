package org.daesweep.spark;

import org.daesweep.FaultyFileSystem;
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
        Path images = TestData.strokesIdx(dir.resolve("images.idx.gz"), 600, 16, 16);
        Path conf = Files.writeString(dir.resolve("sweep.conf"), """
                sweep.name = faults
                data.images = "%s"
                output.dir = "faulty://%s"
                spark.master = "local[1]"
                noise.factor = 0.3
                trial { epochs = 3, batch-size = 16, loss = bce, learning-rate = 3e-3 }
                search { trials = 4, space { filters = [4, 8] } }
                retrain { epochs = 1, batch-size = 32 }
                evaluate.robustness = []
                """.formatted(images, dir.resolve("out")));
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
        assertFalse(Files.exists(out.resolve(Tables.TRIALS)), "no trials table before the search has ended");
        assertEquals(List.of("trial-0000.json", "trial-0001.json"), journaled(out));

        FaultyFileSystem.repair();
        SweepSummary resumed = new SweepDriver(config, false, 0).run();
        assertEquals(2, resumed.trialsRun(), "trials 0 and 1 came from the journal");
        assertEveryTrialOnce(resumed, out);
    }

    @Test
    void aRefusedRenameOfATableStopsTheSweepAndTheRerunCompletesIt() throws Exception {
        SweepConfig config = config();
        FaultyFileSystem.failRenameTo(Tables.TRIALS);
        SweepFailedException refused = assertThrows(SweepFailedException.class,
                () -> new SweepDriver(config, false, 0).run());
        assertTrue(refused.getMessage().matches("cannot write faulty:/\\S+/" + Tables.TRIALS.replace(".", "\\.")
                + ": rename refused by the store \\(injected\\); .*"), refused.getMessage());
        Path out = dir.resolve("out/faults");
        assertFalse(Files.exists(out.resolve(Tables.TRIALS)), "the table is in place whole or not at all");
        assertEquals(4, journaled(out).size());

        FaultyFileSystem.repair();
        SweepSummary resumed = new SweepDriver(config, false, 0).run();
        assertEquals(0, resumed.trialsRun(), "every trial came from the journal");
        assertEveryTrialOnce(resumed, out);
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
        try (var parts = Files.list(out.resolve(Tables.TRIALS))) {
            assertTrue(parts.anyMatch(p -> p.getFileName().toString().equals("_SUCCESS")), "a whole table");
        }
    }
}
