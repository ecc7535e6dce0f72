package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.daesweep.results.SweepDirectory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.TestData;
import org.daesweep.UserException;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.model.ModelFile;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.Tables;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.trial.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole sweep on local[2]: 300 synthetic 28x28 images, 2 trials of 1 epoch, then the tables read back. */
class SweepEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void sweepWritesFourTablesAndRetrainsTheBestTrial() throws Exception {
        Path conf = conf("");
        SweepConfig config = ConfigLoader.load(conf, List.of());
        SweepSummary summary = new SweepDriver(config, false, 0).run();
        Path out = dir.resolve("out/e2e");
        Path denoiseScores = dir.resolve("denoise-scores");
        assertEquals(0, org.daesweep.cli.Main.commandLine().execute("denoise", "--model", out.toString(),
                "--split", "test", "--scores", denoiseScores.toString()));

        readBack(spark -> {
        readmeQueriesRun(spark, out);
        double denoisePsnr = spark.read().parquet(denoiseScores.toString())
                .agg(org.apache.spark.sql.functions.avg("psnr")).first().getDouble(0);
        assertEquals(summary.bestScores().meanPsnr(), denoisePsnr, 1e-4,
                "denoise --split test scores the sweep's test images as the sweep did");
        Dataset<Row> trials = read(spark, out, Tables.TRIALS.name());
        assertEquals(Tables.TRIALS.schema(), trials.schema());
        assertEquals(2, trials.count());
        assertEquals(2, trials.filter("status = 'ok'").count());

        Dataset<Row> epochs = read(spark, out, Tables.EPOCHS.name());
        assertEquals(Tables.EPOCHS.schema(), epochs.schema());
        assertEquals(8, epochs.filter("phase = 'search'").count());
        assertEquals(1, epochs.filter("phase = 'retrain'").count());

        Row best = trials.orderBy("best_val_mse").first();
        assertEquals(summary.best().spec().id(), (String) best.getAs("trial_id"));
        assertEquals((String) best.getAs("trial_id"), epochs.filter("phase = 'retrain'").first().getAs("trial_id"),
                "the retrained trial is the one with the lowest validation MSE");

        Dataset<Row> metrics = read(spark, out, Tables.METRICS.name());
        assertEquals(Tables.METRICS.schema(), metrics.schema());
        assertEquals(6, metrics.count(), "training noise + gaussian 0.7 + salt-and-pepper, best and noisy input each");
        assertEquals(List.of("gaussian(0.3)", "gaussian(0.7)", "salt-pepper(0.1)"), metrics.select("noise").distinct()
                .orderBy("noise").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        double noisier = metrics.filter("model = 'noisy-input' and noise = 'gaussian(0.7)'").first().getAs("psnr");
        int testImages = 200;
        for (Row m : metrics.collectAsList()) {
            assertEquals(testImages, (int) m.getAs("images"));
            assertTrue((double) m.getAs("psnr") > 0 && (double) m.getAs("ssim") <= 1);
        }
        double noisyPsnr = metrics.filter("model = 'noisy-input' and noise = 'gaussian(0.3)'").first().getAs("psnr");
        assertEquals(summary.noisyScores().meanPsnr(), noisyPsnr, 1e-9);
        assertTrue(noisier < noisyPsnr - 3, "more noise, lower PSNR: " + noisier + " vs " + noisyPsnr);

        Dataset<Row> perImage = read(spark, out, Tables.PER_IMAGE.name());
        assertEquals(Tables.PER_IMAGE.schema(), perImage.schema());
        assertEquals(testImages, perImage.count());
        assertEquals(testImages, perImage.select("image_index").distinct().count());
        double meanPsnr = perImage.agg(org.apache.spark.sql.functions.avg("psnr")).first().getDouble(0);
        double bestPsnr = metrics.filter("model = 'best' and noise = 'gaussian(0.3)'").first().getAs("psnr");
        assertEquals(bestPsnr, meanPsnr, 1e-9, "metrics are the means of per_image");
        });
        String report = Files.readString(out.resolve(org.daesweep.results.SweepDirectory.REPORT));
        for (String section : List.of("summary", "trials", "hyperparameters", "curves", "retrain", "rungs", "robustness", "images")) {
            java.util.regex.Matcher items = java.util.regex.Pattern.compile("<section id=\"" + section
                    + "\" data-items=\"(\\d+)\"").matcher(report);
            assertTrue(items.find() && Integer.parseInt(items.group(1)) > 0, "report section " + section + " shows something");
        }
        String trialsTable = report.substring(report.indexOf("<section id=\"trials\""), report.indexOf("<section id=\"hyperparameters\""));
        assertEquals(2, trialsTable.split("<tr class=\"ok\">", -1).length - 1, "one row per trial in the report");
        assertFalse(report.contains("http-equiv=\"refresh\""), "the finished sweep's report no longer reloads itself");
        assertFalse(report.contains("src=\"http"), "nothing fetched from the network");
        for (String file : List.of(SweepDirectory.MODEL, SweepDirectory.CONFIG, SweepDirectory.LOSS_CURVES, SweepDirectory.DENOISED_GRID, SweepDirectory.RESIDUAL)) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        try (InputStream model = Files.newInputStream(out.resolve(SweepDirectory.MODEL))) {
            assertEquals(summary.best().spec().hyperparameters().filters(),
                    ModelFile.read(model, "best-model.zip").hyperparameters().filters());
        }
        assertTrue(Arrays.stream(out.toFile().list()).noneMatch(n -> n.startsWith("_tmp")), "no temporary files left");
    }

    @Test
    void executorsTrainWithHugePagesUnlessTheUserSaysOtherwise() throws Exception {
        SweepConfig config = ConfigLoader.load(conf(""), List.of());
        String key = "spark.executorEnv." + NativeRuntime.MALLOC_TUNABLES_VARIABLE;
        assertEquals(NativeRuntime.HUGE_PAGES_TUNABLE, SweepDriver.sparkConf(config).get(key));
        // spark-submit --conf reaches the driver as a system property
        System.setProperty(key, "glibc.malloc.hugetlb=0");
        try {
            assertEquals("glibc.malloc.hugetlb=0", SweepDriver.sparkConf(config).get(key));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void hadoopSettingsAndTheS3CommittersReachSpark() throws Exception {
        SweepConfig onS3 = ConfigLoader.load(conf(""), List.of("spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000",
                "output.dir=s3a://bucket/results"));
        SparkConf conf = SweepDriver.sparkConf(onS3);
        assertEquals("http://127.0.0.1:9000", conf.get("spark.hadoop.fs.s3a.endpoint"));
        assertEquals("magic", conf.get("spark.hadoop.fs.s3a.committer.name"));
        assertEquals("org.apache.spark.internal.io.cloud.PathOutputCommitProtocol",
                conf.get("spark.sql.sources.commitProtocolClass"));
        assertFalse(SweepDriver.sparkConf(ConfigLoader.load(conf(""), List.of())).contains("spark.sql.sources.commitProtocolClass"),
                "output on a file system with atomic renames keeps Spark's default committer");
    }

    /** 1,000 stroke images of 28x28, 2 random trials that train (not collapse) in a few seconds. */
    private Path conf(String extra) throws IOException {
        return conf(extra, 28, 28);
    }

    private Path conf(String extra, int height, int width) throws IOException {
        Path images = dir.resolve("images-" + height + "x" + width + ".idx.gz");
        if (!Files.exists(images)) {
            TestData.strokesIdx(images, 1000, height, width);
        }
        return Files.writeString(dir.resolve("e2e.conf"), """
                sweep.name = e2e
                data.images = "%s"
                output.dir = "%s"
                spark.master = "local[2]"
                noise.factor = 0.3
                trial { epochs = 4, batch-size = 16, loss = bce, learning-rate = 3e-3 }
                search {
                  sampler = random
                  trials = 2
                  space { filters = [8, 16] }
                }
                retrain { epochs = 1, batch-size = 32 }
                evaluate.robustness = [{ type = gaussian, factor = 0.7 }, { type = gaussian, factor = 0.3 }, { type = salt-pepper }]
                %s
                """.formatted(images, dir.resolve("out"), extra));
    }

    @Test
    void aRerunResumesWithTheFinishedTrialsAndRefusesAnotherPlan() throws Exception {
        SweepConfig config = ConfigLoader.load(conf(""), List.of());
        SweepSummary first = new SweepDriver(config, false, 0).run();
        Path out = dir.resolve("out/e2e");
        // A crash after trial-0000 finished: trial-0001's journal record and the tables are gone.
        Files.delete(out.resolve("journal/trial-0001.json"));
        deleteTree(out.resolve(Tables.TRIALS.name()));

        SweepSummary resumed = new SweepDriver(config, false, 0).run();
        assertEquals(first.trials().get(0), resumed.trials().get(0), "trial-0000 comes from the journal, not a rerun");
        assertNotEquals(first.trials().get(1).seconds(), resumed.trials().get(1).seconds(), "trial-0001 ran again");
        assertEquals(first.trials().get(1).epochs().stream().map(e -> e.trainLoss()).toList(),
                resumed.trials().get(1).epochs().stream().map(e -> e.trainLoss()).toList(), "and trained the same");
        assertEquals(List.of("trial-0000.json", "trial-0001.json"), Arrays.stream(out.resolve("journal").toFile().list())
                .filter(n -> !n.endsWith(".crc")).sorted().toList());

        SweepConfig changed = ConfigLoader.load(conf(""), List.of("search.space.filters=[8, 32]"));
        UserException refused = assertThrows(UserException.class, () -> new SweepDriver(changed, false, 0).run());
        assertTrue(refused.getMessage().contains("plan.json differs") && refused.getMessage().contains("--restart"),
                refused.getMessage());

        SweepSummary restarted = new SweepDriver(changed, true, 0).run();
        assertEquals(2, restarted.run().trialsRun(), "--restart trains every trial anew");
        assertTrue(restarted.trials().stream().allMatch(t -> List.of(8, 32).contains(t.spec().hyperparameters().filters())),
                "under the new plan");
    }

    @Test
    void aFinishedSweepIsLeftAsItIsAndOnlyAChangedStageRunsAgain() throws Exception {
        SweepConfig config = ConfigLoader.load(conf("evaluate.robustness = []"), List.of());
        SweepSummary first = new SweepDriver(config, false, 0).run();
        Path out = dir.resolve("out/e2e");
        Path model = out.resolve(SweepDirectory.MODEL);
        byte[] firstModel = Files.readAllBytes(model);
        long modelTime = Files.getLastModifiedTime(model).toMillis();
        long metricsTime = Files.getLastModifiedTime(out.resolve(Tables.METRICS.name())).toMillis();

        SweepSummary again = new SweepDriver(config, false, 0).run();
        assertTrue(again.run().finishedEarlier() && again.run().trialsRun() == 0);
        assertEquals(first.bestScores(), again.bestScores(), "the summary of the earlier run");
        assertEquals(first.trials(), again.trials());
        assertEquals(modelTime, Files.getLastModifiedTime(model).toMillis(), "no retrain");
        assertEquals(metricsTime, Files.getLastModifiedTime(out.resolve(Tables.METRICS.name())).toMillis(), "no evaluation");

        SweepConfig moreNoises = ConfigLoader.load(conf("evaluate.robustness = [{ type = gaussian, factor = 0.7 }]"),
                List.of());
        SweepSummary reevaluated = new SweepDriver(moreNoises, false, 0).run();
        assertFalse(reevaluated.run().finishedEarlier());
        assertEquals(0, reevaluated.run().trialsRun(), "the search is unchanged");
        assertArrayEquals(firstModel, Files.readAllBytes(model), "the retrained model is kept");
        assertEquals(first.bestScores(), reevaluated.bestScores(), "the same model on the same test images");
        readBack(spark -> {
            assertEquals(4, read(spark, out, Tables.METRICS.name()).count(), "the new evaluation's rows");
            assertEquals(1, read(spark, out, Tables.EPOCHS.name()).filter("phase = 'retrain'").count(), "the kept retrain's epoch");
        });

        SweepConfig longer = ConfigLoader.load(conf("""
                evaluate.robustness = [{ type = gaussian, factor = 0.7 }]
                retrain.epochs = 2
                """), List.of());
        new SweepDriver(longer, false, 0).run();
        readBack(spark -> assertEquals(2, read(spark, out, Tables.EPOCHS.name()).filter("phase = 'retrain'").count(),
                "a changed retrain runs again"));
        long retrainedTime = Files.getLastModifiedTime(model).toMillis();
        assertTrue(new SweepDriver(longer, false, 0).run().run().finishedEarlier());
        new SweepDriver(longer, new SweepDriver.Request(false, 0, true)).run();
        assertNotEquals(retrainedTime, Files.getLastModifiedTime(model).toMillis(), "--retrain retrains");
        assertTrue(Arrays.stream(out.toFile().list()).noneMatch(n -> n.startsWith("_tmp") || n.startsWith("_publishing")));
    }

    @Test
    void photographsOfManySizesTrainOnPatchesAndAreTestedWhole() throws Exception {
        Path folder = dir.resolve("photos");
        for (int i = 0; i < 40; i++) {
            int h = i % 2 == 0 ? 40 : 56;
            int w = i % 2 == 0 ? 48 : 40;
            // smooth waves, as photographs are smooth between their edges
            java.util.Random random = new java.util.Random(100 + i);
            double a = random.nextDouble() / 3;
            double b = random.nextDouble() / 3;
            double c = random.nextDouble() * 6;
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0.5 + 0.3 * Math.sin(a * x + b * y + c) + 0.15 * Math.cos(b * x - a * y);
                    image.getRaster().setSample(x, y, 0, (int) Math.round(255 * Math.max(0, Math.min(1, v))));
                }
            }
            org.daesweep.Pictures.write(folder.resolve(String.format("p%02d.png", i)), image, "png");
        }
        SweepConfig config = ConfigLoader.load(conf("""
                data.images = "%s"
                data.patches { size = 16, per-image = 8 }
                trial.patch-size = 32
                noise { type = awgn, sigma = 50 }
                evaluate.robustness = [{ type = awgn, sigma = 25 }]
                """.formatted(folder)), List.of());
        SweepSummary summary = new SweepDriver(config, false, 0).run();
        assertEquals(8, summary.bestScores().count(), "a fifth of the 40 photographs, tested whole");
        assertTrue(summary.bestScores().meanPsnr() > summary.noisyScores().meanPsnr(), "the model denoises them");
        Path out = dir.resolve("out/e2e");
        readBack(spark -> {
            Dataset<Row> perImage = read(spark, out, Tables.PER_IMAGE.name());
            assertEquals(8, perImage.select("image_index").distinct().count());
            assertEquals(2, read(spark, out, Tables.TRIALS.name()).filter("patch_size = 32 and best_val_mse is not null").count(),
                    "trials train on their own 32x32 crops and are judged on the sweep's 16x16 ones");
            assertEquals(4, read(spark, out, Tables.METRICS.name()).count(), "awgn 50 and 25, model and input");
        });
        try (InputStream model = Files.newInputStream(out.resolve(SweepDirectory.MODEL))) {
            assertEquals(32, ModelFile.read(model, "best-model.zip").height(), "retrained on the best trial's 32x32 crops");
        }
        Path denoised = dir.resolve("test-split");
        Path scores = dir.resolve("test-split-scores");
        // As a Spark job, so the split's photographs travel to the tasks.
        assertEquals(0, org.daesweep.cli.Main.commandLine().execute("denoise", "--model", out.toString(),
                "--split", "test", "--output", denoised.toString(), "--scores", scores.toString(),
                "--master", "local[2]"));
        try (var written = Files.list(denoised)) {
            assertEquals(8, written.filter(f -> f.getFileName().toString().matches("\\d+\\.png")).count(),
                    "the whole test photographs, of two sizes, as PNGs named by their positions");
        }
        readBack(spark -> assertEquals(summary.bestScores().meanPsnr(), spark.read().parquet(scores.toString())
                .agg(org.apache.spark.sql.functions.avg("psnr")).first().getDouble(0), 1e-4,
                "denoise --split test scores the photographs as the sweep did"));
    }

    @Test
    void anAshaSweepPrunesRecordsItsRungsAndExtends() throws Exception {
        // 6 trials, rungs at 0.5 (mid-epoch), 1 and 2 epochs, each rung continuing the better half.
        SweepConfig config = ConfigLoader.load(conf("""
                trial.epochs = 2
                search { trials = 6, scheduler { type = asha, min-epochs = 0.5, reduction = 2 } }
                search.space { filters = [8, 16], learning-rate = { type = loguniform, min = 1e-3, max = 1e-2 } }
                evaluate.robustness = []
                """), List.of());
        SweepSummary first = new SweepDriver(config, false, 0).run();
        assertEquals(6, first.trials().size());
        double epochs = first.trials().stream().mapToDouble(TrialResult::epochsTrained).sum();
        assertTrue(epochs < 6 * 2, "pruned trials stop early: " + epochs + " epochs");
        assertTrue(first.trials().stream().anyMatch(t -> t.epochsTrained() == 0.5), "some trial stops mid-epoch");
        assertTrue(first.trials().stream().anyMatch(t -> t.epochsTrained() == 2), "some trial trains the full budget");
        Path out = dir.resolve("out/e2e");
        readBack(spark -> {
        Dataset<Row> rungs = read(spark, out, Tables.RUNGS.name());
        assertEquals(Tables.RUNGS.schema(), rungs.schema());
        assertEquals(6, rungs.filter("rung = 0 and epochs = 0.5 and val_mse is not null").count(),
                "every trial reports at the first rung");
        assertEquals(rungs.filter("rung = 1").count(), rungs.filter("rung = 0 and decision = 'promoted'").count());
        assertTrue(rungs.filter("decision = 'stopped'").count() > 0);
        Dataset<Row> trials = read(spark, out, Tables.TRIALS.name());
        assertEquals(trials.filter("stop_reason = 'completed'").count(), rungs.filter("decision = 'completed'").count());
        });

        SweepSummary extended = new SweepDriver(config, false, 2).run();
        assertEquals(8, extended.trials().size());
        assertEquals(8, extended.trials().stream().map(t -> t.spec().id()).distinct().count());
        for (int i = 0; i < 6; i++) {
            assertEquals(first.trials().get(i).epochs(),
                    extended.trials().get(i).epochs().subList(0, first.trials().get(i).epochs().size()),
                    "earlier trials are kept, or continued where they stopped");
        }
    }

    @Test
    void theBestIsRetrainedDataParallelWithDl4jSparkWhenAsked() throws Exception {
        // dl4j-spark 1.0.0-M2 was built for Spark 3.1: this runs its parameter averaging on 3.5.
        SweepConfig config = ConfigLoader.load(conf("""
                retrain { distributed = true, epochs = 2, averaging-frequency = 2 }
                evaluate.robustness = []
                """), List.of());
        SweepSummary summary = new SweepDriver(config, false, 0).run();
        assertTrue(summary.bestScores().meanPsnr() > summary.noisyScores().meanPsnr() + 1,
                summary.bestScores().meanPsnr() + " vs noisy " + summary.noisyScores().meanPsnr());
        try (InputStream model = Files.newInputStream(dir.resolve("out/e2e").resolve(SweepDirectory.MODEL))) {
            assertEquals(summary.best().spec().hyperparameters().withTraining(2, 32),
                    ModelFile.read(model, "best-model.zip").hyperparameters());
        }
    }

    @Test
    void imagesOfAnotherSizeSweepTheSameWay() throws Exception {
        // Nothing assumes MNIST's 28x28: the size comes from the IDX header.
        SweepConfig config = ConfigLoader.load(conf("evaluate.robustness = []", 32, 48), List.of());
        SweepSummary summary = new SweepDriver(config, false, 0).run();
        assertEquals(2, summary.trials().stream().filter(t -> t.status() == org.daesweep.trial.TrialStatus.OK).count(),
                summary.trials().toString());
        assertEquals(200, summary.bestScores().count());
        assertTrue(summary.bestScores().meanPsnr() > summary.noisyScores().meanPsnr(), "the model denoises");
        try (InputStream model = Files.newInputStream(dir.resolve("out/e2e").resolve(SweepDirectory.MODEL))) {
            var network = ModelFile.read(model, "best-model.zip");
            assertEquals(32, network.height());
            assertEquals(48, network.width());
            org.daesweep.UserException e = assertThrows(org.daesweep.UserException.class,
                    () -> new org.daesweep.training.Denoiser(network).denoise(TestData.strokeImages(2, 28, 28)));
            assertEquals("the model denoises 32x48 images, these are 28x28", e.getMessage());
        }
    }

    @Test
    void aDepthTheImagesCannotTakeIsRefusedBeforeAnyTrial() throws Exception {
        // 36 = 4 x 9: two poolings fit, three do not.
        SweepConfig config = ConfigLoader.load(conf("search.space.depth = [2, 3]", 36, 36), List.of());
        UserException e = assertThrows(UserException.class, () -> new SweepDriver(config, false, 0).run());
        assertEquals("depth 3 needs image sides divisible by 8, but the images are 36x36 (" + config.data().images()
                + "): limit the depth in search.space or trial.depth", e.getMessage());
    }

    @Test
    void aCropSideTheDepthCannotTakeIsRefusedBeforeAnyTrial() throws Exception {
        SweepConfig config = ConfigLoader.load(conf("data.patches.size = 16\nsearch.space.patch-size = [16, 18]", 36, 36),
                List.of());
        UserException e = assertThrows(UserException.class, () -> new SweepDriver(config, false, 0).run());
        assertEquals("patch-size 18: depth 2 needs crop sides divisible by 4; give search.space or trial.patch-size "
                + "sides that are", e.getMessage());
    }

    @Test
    void anOutputDirectoryWithForeignFilesIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/e2e"));
        Files.writeString(out.resolve("notes.txt"), "someone else's");
        SweepConfig config = ConfigLoader.load(conf(""), List.of());
        UserException e = assertThrows(UserException.class, () -> new SweepDriver(config, false, 0).run());
        assertTrue(e.getMessage().contains("holds files dae-sweep did not write"), e.getMessage());
        assertEquals(List.of("notes.txt"), Arrays.asList(out.toFile().list()), "nothing written, nothing deleted");
    }

    private static void deleteTree(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Every `sql` example in the README and docs/RESULTS.md runs as it stands against this sweep
     * (results/default) and its folder (results).
     */
    private static void readmeQueriesRun(SparkSession spark, Path sweep) {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md")) + Files.readString(Path.of("docs/RESULTS.md"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("scripts/run-local\\.sh sql (\\S+)(?: --format \\w+)? \"([^\"]*)\"").matcher(readme);
        int queries = 0;
        while (m.find()) {
            org.daesweep.results.SweepViews.register(spark, m.group(1).equals("results") ? sweep.getParent().toString()
                    : sweep.toString());
            String query = m.group(2).replaceAll("\\s+", " ");
            assertFalse(spark.sql(query).collectAsList().isEmpty(), "rows from: " + query);
            queries++;
        }
        assertTrue(queries >= 8, "the docs' sql examples were found: " + queries);
    }

    private static void readBack(java.util.function.Consumer<SparkSession> check) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("read-back")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            check.accept(spark);
        } finally {
            spark.stop();
        }
    }

    private static Dataset<Row> read(SparkSession spark, Path out, String table) {
        return spark.read().parquet(out.resolve(table).toString());
    }
}
