package org.daesweep.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.daesweep.data.Storage;
import org.daesweep.denoise.DenoiseRequest;
import org.daesweep.denoise.Denoising;
import org.daesweep.denoise.ImageDenoiser;
import org.daesweep.denoise.ImageScore;
import org.daesweep.denoise.ShareResult;
import org.daesweep.denoise.ShareRunner;
import org.daesweep.runtime.NativeRuntime;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.io.IOException;
import org.daesweep.UserException;

/**
 * Denoising as a Spark job: the model is broadcast once, the inputs are cut into contiguous
 * shares, and each task streams its share from and to Hadoop's file systems. Only the scores
 * and the names of skipped inputs come back to the driver.
 */
public final class DenoiseJob {
    /** Inputs per share at most, so a lost task redoes little and progress shows in Spark's UI. */
    private static final int SHARE_LIMIT = 20_000;
    /** Rows per task that carries the scores: Spark warns of tasks above 1 MB, some 8,000 rows. */
    private static final int ROWS_PER_SLICE = 2_000;

    private DenoiseJob() {
    }

    /** @param selfEnsemble average over the flips and quarter turns of each image */
    public static List<ShareResult> run(JavaSparkContext jsc, DenoiseRequest request, byte[] model, boolean selfEnsemble,
                                        Storage storage) {
        int threads = jsc.getConf().getInt("spark.task.cpus", 1);
        int slots = Math.max(1, jsc.defaultParallelism() / threads);
        int count = request.count();
        int shares = Math.max(1, Math.min(count, Math.max(slots, (count + SHARE_LIMIT - 1) / SHARE_LIMIT)));
        int[] bounds = Denoising.boundaries(count, shares);
        Broadcast<byte[]> modelBytes = jsc.broadcast(model);
        SerializableConfiguration hadoop = new SerializableConfiguration(storage.hadoop());
        jsc.setJobDescription("dae-sweep denoise: " + count + " images in " + shares + " shares");
        try {
            List<ShareResult> results = jsc.parallelize(IntStream.range(0, shares).boxed().toList(), shares)
                    .map(share -> {
                        NativeRuntime.configure(threads);
                        ImageDenoiser denoiser = ImageDenoiser.of(modelBytes.value(), "the broadcast model", selfEnsemble);
                        return ShareRunner.run(request, denoiser, new Storage(hadoop.value()), share,
                                bounds[share], bounds[share + 1]);
                    })
                    .collect();
            request.finish(storage, shares);
            return results;
        } catch (RuntimeException e) {
            request.abandon(storage);
            throw e;
        } finally {
            modelBytes.destroy();
        }
    }

    public static StructType scoresSchema() {
        return new StructType()
                .add("image", DataTypes.StringType, false)
                .add("image_index", DataTypes.IntegerType, false)
                .add("height", DataTypes.IntegerType, false)
                .add("width", DataTypes.IntegerType, false)
                .add("mse", DataTypes.DoubleType, false)
                .add("psnr", DataTypes.DoubleType, false)
                .add("ssim", DataTypes.DoubleType, false)
                .add("noisy_mse", DataTypes.DoubleType, false)
                .add("noisy_psnr", DataTypes.DoubleType, false)
                .add("noisy_ssim", DataTypes.DoubleType, false);
    }

    /** The per-image scores as a Parquet table, written beside and renamed into place whole. */
    public static void writeScores(SparkSession spark, Storage storage, Path target, List<ImageScore> scores) {
        List<Row> rows = scores.stream().map(s -> RowFactory.create(s.name(), s.index(), s.height(), s.width(),
                s.denoised().mse(), s.denoised().psnr(), s.denoised().ssim(),
                s.noisy().mse(), s.noisy().psnr(), s.noisy().ssim())).toList();
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        // Rows in slices: one local list would travel as a single task of any size. One file is a
        // shuffle away; coalesce would carry every slice's rows in the one writing task.
        int slices = Math.max(1, rows.size() / ROWS_PER_SLICE);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        spark.createDataFrame(jsc.parallelize(rows, slices), scoresSchema()).repartition(1).write()
                .mode(SaveMode.ErrorIfExists).parquet(tmp.toString());
        try {
            if (!storage.fs(target).rename(tmp, target)) {
                throw new IOException("rename " + tmp + " -> " + target + " failed");
            }
        } catch (IOException e) {
            storage.delete(tmp);
            throw new UserException(target + ": cannot write the scores table (" + e.getMessage() + ")", e);
        }
    }
}
