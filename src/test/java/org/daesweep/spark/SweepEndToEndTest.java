package org.daesweep.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.TestData;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.model.ModelFile;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole sweep on local[2]: 300 synthetic 28x28 images, 2 trials of 1 epoch, then the tables read back. */
class SweepEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void sweepWritesFourTablesAndRetrainsTheBestTrial() throws Exception {
        Path images = TestData.strokesIdx(dir.resolve("images.idx.gz"), 1000, 28, 28);
        Path conf = Files.writeString(dir.resolve("e2e.conf"), """
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
                """.formatted(images, dir.resolve("out")));
        SweepConfig config = ConfigLoader.load(conf, List.of());
        SweepSummary summary = new SweepDriver(config).run();
        Path out = dir.resolve("out/e2e");

        SparkSession spark = SparkSession.builder().master("local[1]").appName("read-back")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> trials = read(spark, out, Tables.TRIALS);
            assertEquals(Tables.trialsSchema(), trials.schema());
            assertEquals(2, trials.count());
            assertEquals(2, trials.filter("status = 'ok'").count());

            Dataset<Row> epochs = read(spark, out, Tables.EPOCHS);
            assertEquals(Tables.epochsSchema(), epochs.schema());
            assertEquals(8, epochs.filter("phase = 'search'").count());
            assertEquals(1, epochs.filter("phase = 'retrain'").count());

            Row best = trials.orderBy("best_val_mse").first();
            assertEquals(summary.best().spec().id(), (String) best.getAs("trial_id"));
            assertEquals((String) best.getAs("trial_id"), epochs.filter("phase = 'retrain'").first().getAs("trial_id"),
                    "the retrained trial is the one with the lowest validation MSE");

            Dataset<Row> metrics = read(spark, out, Tables.METRICS);
            assertEquals(Tables.metricsSchema(), metrics.schema());
            assertEquals(2, metrics.count());
            int testImages = 200;
            for (Row m : metrics.collectAsList()) {
                assertEquals(testImages, (int) m.getAs("images"));
                assertTrue((double) m.getAs("psnr") > 0 && (double) m.getAs("ssim") <= 1);
            }
            double noisyPsnr = metrics.filter("model = 'noisy-input'").first().getAs("psnr");
            assertEquals(summary.noisyScores().meanPsnr(), noisyPsnr, 1e-9);

            Dataset<Row> perImage = read(spark, out, Tables.PER_IMAGE);
            assertEquals(Tables.perImageSchema(), perImage.schema());
            assertEquals(testImages, perImage.count());
            assertEquals(testImages, perImage.select("image_index").distinct().count());
            double meanPsnr = perImage.agg(org.apache.spark.sql.functions.avg("psnr")).first().getDouble(0);
            double bestPsnr = metrics.filter("model = 'best'").first().getAs("psnr");
            assertEquals(bestPsnr, meanPsnr, 1e-9, "metrics are the means of per_image");
        } finally {
            spark.stop();
        }
        for (String file : List.of(SweepDriver.MODEL_FILE, "config.conf", "loss-curves.png", "denoised-grid.png", "residual.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        try (InputStream model = Files.newInputStream(out.resolve(SweepDriver.MODEL_FILE))) {
            assertEquals(summary.best().spec().hyperparameters().filters(),
                    ModelFile.read(model, "best-model.zip").hyperparameters().filters());
        }
        assertTrue(Arrays.stream(out.toFile().list()).noneMatch(n -> n.startsWith("_tmp")), "no temporary files left");
    }

    private static Dataset<Row> read(SparkSession spark, Path out, String table) {
        return spark.read().parquet(out.resolve(table).toString());
    }
}
