package org.daesweep.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.daesweep.results.SweepDirectory;
import org.apache.spark.sql.SparkSession;
import org.daesweep.TestData;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.results.ResultStore;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.TrialJournal;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.daesweep.training.TrainingData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver under load: a sweep of many trials whose tasks return at once with made-up
 * results, so that what is measured is the driver's own work per trial piece (sampling, a Spark
 * job, the journal, progress, the live report), then a resume that reads the whole journal.
 * 500 trials on every build; {@code scripts/load-test.sh} runs 10,000 and prints the figures.
 */
class SweepLoadTest {
    private static final int TRIALS = Integer.getInteger("dae.load.trials", 500);
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"full", "asha"})
    void aSweepOfManyTrialsJournalsEachOnceAndResumes(String scheduler) throws Exception {
        SweepConfig config = ConfigLoader.load(conf(scheduler), List.of());
        resetPeakHeap();
        SweepSummary summary = new SweepDriver(config, SweepDriver.Request.RESUME, SweepLoadTest::madeUp).run();
        double peakHeapMb = peakHeapMb();
        Path out = dir.resolve("out/load");
        List<Path> journal;
        try (Stream<Path> files = Files.list(out.resolve(SweepDirectory.JOURNAL))) {
            journal = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        long journalBytes = 0;
        for (Path p : journal) {
            journalBytes += Files.size(p);
        }
        assertEquals(TRIALS, summary.trials().size());
        assertEquals(TRIALS, summary.trials().stream().map(t -> t.spec().id()).distinct().count(), "each trial once");
        assertEquals(TRIALS, journal.size());
        int pieces = summary.trials().stream().mapToInt(t -> t.rungObjectives().size()).sum();
        if (scheduler.equals("asha")) {
            assertTrue(pieces > TRIALS, "promoted trials ran more than one piece: " + pieces);
        }

        long start = System.nanoTime();
        int resumed = readJournal(config, out);
        double resumeSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(TRIALS, resumed);
        // The report of the whole sweep, kept for scripts/load-test.sh to open in a browser.
        Path report = Files.createDirectories(Path.of("target", "load-test", scheduler)).resolve(SweepDirectory.REPORT);
        Files.copy(out.resolve(SweepDirectory.REPORT), report, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // A file, not standard output: what the test JVM prints is the build's, and SameDiff's filter sits on it.
        Files.writeString(Path.of("target", "load-test.txt"), String.format(java.util.Locale.ROOT,
                "LOAD scheduler=%s trials=%d pieces=%d search_s=%.1f ms_per_piece=%.1f peak_heap_mb=%.0f "
                        + "journal_mb=%.1f resume_read_s=%.2f report_kb=%d%n", scheduler, TRIALS, Math.max(pieces, TRIALS),
                summary.run().trialSeconds(), 1000 * summary.run().trialSeconds() / Math.max(pieces, TRIALS), peakHeapMb,
                journalBytes / 1e6, resumeSeconds, Files.size(report) / 1024), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** What a resume reads: every journal record, checked against the saved plan. */
    @SuppressWarnings("unchecked")
    private static int readJournal(SweepConfig config, Path out) throws Exception {
        Map<String, Object> saved = new ObjectMapper().readValue(out.resolve(SweepDirectory.PLAN).toFile(), Map.class);
        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            return new TrialJournal(new ResultStore(spark, config.sweepDir())).open((Map<String, Object>) saved.get("plan"),
                    false).size();
        } finally {
            spark.stop();
        }
    }

    /**
     * A piece's result without training: validation MSEs that fall with the epochs from a level
     * set by the trial's seed, so that the scheduler has something to rank.
     */
    private static TrialPiece madeUp(TrialSpec spec, TrainingData data, Checkpoint from, double untilEpochs, int threads,
                                     Duration timeout) {
        List<EpochStats> epochs = new ArrayList<>(from == null ? List.of() : from.epochs());
        double level = 0.02 + 0.05 * new SplittableRandom(spec.seed()).nextDouble();
        int until = (int) Math.ceil(Math.min(untilEpochs, spec.hyperparameters().epochs()));
        for (int epoch = epochs.size() + 1; epoch <= until; epoch++) {
            double mse = level / epoch;
            epochs.add(new EpochStats(epoch, mse, mse, mse, 0.001, System.currentTimeMillis(),
                    2000.0 / spec.hyperparameters().filters()));
        }
        double mse = epochs.get(epochs.size() - 1).validationMse();
        TrialResult result = new TrialResult(spec, TrialStatus.OK, "",
                new TrialResult.Training(epochs, until, mse, 100L * spec.hyperparameters().filters(), 0.001 * until),
                new TrialResult.Placement("load", "localhost"), TrialResult.Rungs.NONE);
        boolean continues = until < spec.hyperparameters().epochs();
        return new TrialPiece(result, continues ? new Checkpoint(epochs, null, new byte[0]) : null, false);
    }

    private Path conf(String scheduler) throws Exception {
        Path images = TestData.strokesIdx(dir.resolve("images.idx.gz"), 200, 8, 8);
        return Files.writeString(dir.resolve("load.conf"), """
                sweep.name = load
                data.images = "%s"
                output.dir = "%s"
                spark.master = "local[8]"
                trial { epochs = 9, batch-size = 16, loss = bce }
                search {
                  trials = %d
                  space { filters = { type = int, min = 4, max = 8 }, learning-rate = { type = loguniform, min = 1e-4, max = 1e-2 } }
                  scheduler { type = %s, min-epochs = 1, reduction = 3 }
                }
                retrain { epochs = 1, batch-size = 32 }
                evaluate.robustness = []
                """.formatted(images, dir.resolve("out"), TRIALS, scheduler));
    }

    private static void resetPeakHeap() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeapMb() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
