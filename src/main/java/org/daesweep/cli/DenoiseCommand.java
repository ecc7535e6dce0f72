package org.daesweep.cli;

import com.typesafe.config.ConfigFactory;
import org.daesweep.results.SweepDirectory;
import com.typesafe.config.ConfigParseOptions;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.data.Gallery;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Storage;
import org.daesweep.denoise.DenoisePlanner;
import org.daesweep.denoise.DenoiseReport;
import org.daesweep.denoise.ModelFit;
import org.daesweep.denoise.Denoising;
import org.daesweep.denoise.ImageDenoiser;
import org.daesweep.denoise.ImageScore;
import org.daesweep.denoise.ShareResult;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.ModelFile;
import org.daesweep.model.TrainedOn;
import org.daesweep.noise.NoiseModel;
import org.daesweep.noise.NoiseSpec;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.spark.DenoiseJob;
import org.daesweep.spark.SparkSessions;
import org.daesweep.spark.SparkStorage;
import org.daesweep.training.SweepData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Applies a trained model to images: an IDX file, one image file, or a folder of them, on any
 * Hadoop file system; in this JVM, or as a Spark job when a master is given (or under spark-submit).
 */
@Command(name = "denoise", mixinStandardHelpOptions = true,
        description = {"Denoise images with a trained model: an IDX file, an image file (PNG, JPEG, BMP, GIF, TIFF) "
                + "or a folder of them (recursively). Paths may be local, file:, hdfs:// or s3a://.",
                "Exit code: 0 all denoised, 1 some inputs were skipped (named in the summary), 2 a usage or input error."},
        sortOptions = false)
final class DenoiseCommand implements Callable<Integer> {
    private static final int SKIPPED_SHOWN = 10;

    @Option(names = "--model", required = true, paramLabel = "M",
            description = "a sweep directory (its best-model.zip) or a model file")
    String model;

    @Option(names = "--input", paramLabel = "IN",
            description = "an IDX file, an image file or a folder of images; folders are read recursively, in path "
                    + "order, and files that are not images are counted and left alone")
    String input;

    @Option(names = "--output", paramLabel = "OUT",
            description = "where the denoised images go, mirroring the input: an IDX file for an IDX (gzip if the name "
                    + "ends in .gz), a PNG for an image, a folder of PNGs with the same relative names for a folder. "
                    + "Must not exist yet (or be an empty folder)")
    String output;

    @Option(names = "--clean", paramLabel = "REF", arity = "0..1", fallbackValue = "",
            description = "score every image (MSE, PSNR, SSIM) against its clean original in REF, laid out as the input "
                    + "(same count and size; in a folder, the same relative names, any suffix). Without REF, with "
                    + "--add-noise: the input itself is the clean original")
    String clean;

    @Option(names = "--add-noise", paramLabel = "SPEC",
            description = "noise the (clean) input first, e.g. gaussian:0.5, salt-pepper:0.1, poisson:10; for a demo or "
                    + "an evaluation on new data")
    String addNoise;

    @Option(names = "--seed", defaultValue = "42", description = "seed of --add-noise (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--split", paramLabel = "test",
            description = "instead of --input: the sweep's own test images with its noise, from its config.conf "
                    + "(needs a sweep directory as --model); scores them as the sweep's metrics table does")
    String split;

    @Option(names = "--scores", paramLabel = "DIR",
            description = "where the per-image scores table (Parquet) goes; default <OUT>.scores beside the output")
    String scores;

    @Option(names = "--master", paramLabel = "URL",
            description = "run as a Spark job on this master (local[4], spark://host:7077, yarn): the model is "
                    + "broadcast and the inputs are shared out to tasks. Under spark-submit this is the default")
    String master;

    @Option(names = "--self-ensemble",
            description = "average the outputs for the 8 flips and quarter turns of each image (4 flips if it is not "
                    + "square): usually a little better, 4-8 times the time")
    boolean selfEnsemble;

    @Override
    public Integer call() {
        Storage storage = SparkStorage.fromSubmit();
        requireReachable(storage);
        ModelSource source = resolveModel(storage);
        DenoisingNetwork network = ModelFile.read(new ByteArrayInputStream(source.bytes()), source.location());
        DenoisePlanner.Plan plan = plan(storage, network);
        boolean onSpark = master != null || System.getProperty("spark.master") != null;
        PrintStream out = System.out;
        header(out, storage, source, network, plan, onSpark);
        Path scoresTable = scoresTable(storage, plan);
        if (plan.output() != null) {
            storage.requireWritable(storage.path(plan.output()).getParent(), "--output");
        }
        if (scoresTable != null) {
            storage.requireWritable(scoresTable.getParent(), "--scores");
        }
        long start = System.nanoTime();
        DenoiseReport report;
        if (onSpark) {
            report = onSpark(storage, source, plan, scoresTable, start);
        } else {
            NativeRuntime.configure(Math.max(1, Runtime.getRuntime().availableProcessors()));
            List<ShareResult> results = Denoising.runHere(plan.request(),
                    new ImageDenoiser(network, selfEnsemble, ImageDenoiser.reflectsEdges(source.bytes())), storage);
            report = DenoiseReport.of(plan.request().count(), results, (System.nanoTime() - start) / 1e9);
            if (scoresTable != null) {
                writeScoresLocally(storage, scoresTable, report.scores());
            }
        }
        print(report, plan, scoresTable, out);
        return report.skipped().isEmpty() ? 0 : Main.INCOMPLETE;
    }

    /** Every store named answers before any work: a wrong endpoint fails now, in one line. */
    private void requireReachable(Storage storage) {
        for (String location : new String[]{model, input, output, scores}) {
            if (location != null) {
                storage.requireReachable(storage.path(location));
            }
        }
    }

    /** What is denoised with which model, and one line when the inputs lie outside what the model learned. */
    private void header(PrintStream out, Storage storage, ModelSource source, DenoisingNetwork network,
                        DenoisePlanner.Plan plan, boolean onSpark) {
        Optional<TrainedOn> trainedOn = ModelFile.trainedOn(source.bytes());
        out.printf("Denoising %s (%s %s) with %s: %s, trained on %dx%d%s%s%n", Words.count(plan.request().count(), "image"),
                plan.kind(), input == null ? "of " + model : input, source.location(), network.hyperparameters().model(),
                network.height(), network.width(), trainedOn.filter(TrainedOn::patches).isPresent() ? " patches" : "",
                onSpark ? ", as a Spark job" : "");
        if (plan.ignoredFiles() > 0) {
            out.printf("  %d %s, left alone%n", plan.ignoredFiles(), plan.ignoredFiles() == 1 ? "file is not an image" : "files are not images");
        }
        trainedOn.flatMap(t -> ModelFit.check(plan.request(), storage, t, Math.min(network.height(), network.width())))
                .ifPresent(note -> out.println("  " + note));
    }

    private DenoiseReport onSpark(Storage storage, ModelSource source, DenoisePlanner.Plan plan, Path scoresTable,
                                  long start) {
        SparkConf conf = new SparkConf().setAppName("dae-sweep denoise");
        if (scoresTable != null) {
            SparkStorage.committingTo(conf, scoresTable.toString());
        }
        if (master != null) {
            conf.setMaster(master);
        }
        SparkSession spark = SparkSessions.start(conf, SparkSessions.EXECUTOR_WAIT);
        try {
            Storage sparkStorage = new Storage(spark.sparkContext().hadoopConfiguration());
            List<ShareResult> results = DenoiseJob.run(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                    plan.request(), source.bytes(), selfEnsemble, sparkStorage);
            DenoiseReport report = DenoiseReport.of(plan.request().count(), results, (System.nanoTime() - start) / 1e9);
            if (scoresTable != null) {
                DenoiseJob.writeScores(spark, sparkStorage, scoresTable, report.scores());
            }
            return report;
        } finally {
            spark.stop();
        }
    }

    private static void writeScoresLocally(Storage storage, Path table, List<ImageScore> scores) {
        SparkSession spark = LocalSpark.writing("denoise scores", table.toString());
        try {
            DenoiseJob.writeScores(spark, storage, table, scores);
        } finally {
            spark.stop();
        }
    }

    private DenoisePlanner.Plan plan(Storage storage, DenoisingNetwork network) {
        DenoisePlanner planner = new DenoisePlanner(storage);
        if (split != null) {
            if (input != null || clean != null || addNoise != null) {
                throw new UserException("--split: takes the sweep's own images, noise and clean originals; "
                        + "give it without --input, --clean or --add-noise");
            }
            if (!split.equals("test")) {
                throw new UserException("--split: only 'test' (the sweep's held-out images), got '" + split + "'");
            }
            return planner.split(sweepTest(storage, network), output);
        }
        if (input == null) {
            throw new UserException("--input: give the images to denoise (or --split test for a sweep's own test images)");
        }
        NoiseModel noise = null;
        if (addNoise != null) {
            try {
                noise = NoiseSpec.parse(addNoise);
            } catch (IllegalArgumentException e) {
                throw new UserException("--add-noise: " + e.getMessage());
            }
        }
        if ("".equals(clean) && noise == null) {
            throw new UserException("--clean: give the clean references (--clean REF), or add noise to clean input "
                    + "with --add-noise to score against the input itself");
        }
        if (output == null && clean == null) {
            throw new UserException("--output: give where the denoised images go (or --clean to score only)");
        }
        return planner.plan(input, output, clean, noise, seed);
    }

    /**
     * The test split a sweep evaluated its best model on: its own configuration, images, split and
     * noise; whole photographs of their own sizes when it trained on patches.
     */
    private List<SweepData.TestImages> sweepTest(Storage storage, DenoisingNetwork network) {
        Path dir = storage.path(model);
        Path conf = new Path(dir, SweepDirectory.CONFIG);
        if (!storage.isDirectory(dir) || !storage.exists(conf)) {
            throw new UserException(model + ": --split needs a sweep directory with its config.conf as --model");
        }
        String text = new String(storage.readAll(conf), StandardCharsets.UTF_8);
        SweepConfig config = ConfigLoader.fromConfig(ConfigFactory.parseString(text,
                ConfigParseOptions.defaults().setOriginDescription(conf.toString())), conf.toString());
        SweepConfig.Data data = config.data();
        if (data.patches().on()) {
            Gallery images = data.images().readGallery(storage).head(data.limit());
            return SweepData.prepare(images, data.patches(), data.split(), config.noise(), config.sweep().seed()).test();
        }
        ImageSet images = data.images().read(storage).head(data.limit());
        SweepData.TestImages test = SweepData.prepare(images, data.split(), config.noise(), config.sweep().seed())
                .single();
        if (test.clean().height() != network.height() || test.clean().width() != network.width()) {
            throw new UserException(model + ": the model was trained on " + network.height() + "x" + network.width()
                    + " images, the sweep's configuration gives " + test.clean().height() + "x" + test.clean().width());
        }
        return List.of(test);
    }

    private record ModelSource(String location, byte[] bytes) {
    }

    private ModelSource resolveModel(Storage storage) {
        Path path = storage.qualified(model);
        if (!storage.exists(path)) {
            throw new UserException(model + ": no such model file or sweep directory");
        }
        if (storage.isDirectory(path)) {
            path = new Path(path, SweepDirectory.MODEL);
            if (!storage.exists(path)) {
                throw new UserException(model + ": a directory without " + SweepDirectory.MODEL
                        + " (not a finished sweep)");
            }
        }
        return new ModelSource(path.toString(), storage.readAll(path));
    }

    private Path scoresTable(Storage storage, DenoisePlanner.Plan plan) {
        if (!plan.request().scored()) {
            if (scores != null) {
                throw new UserException("--scores: there are no scores without --clean (or --split test)");
            }
            return null;
        }
        if (scores == null && plan.output() == null) {
            return null;
        }
        Path table = storage.qualified(scores != null ? scores : plan.output() + ".scores");
        if (storage.exists(table)) {
            throw new UserException(table + ": already exists; give another --scores or delete it");
        }
        return table;
    }

    static void print(DenoiseReport r, DenoisePlanner.Plan plan, Path scoresTable, PrintStream out) {
        out.printf("Denoised %d of %s in %.1f s (%s)%n", r.denoised(), Words.count(r.inputs(), "image"), r.seconds(),
                Words.rate(r.imagesPerSecond(), "images"));
        if (!r.scores().isEmpty()) {
            out.printf("Scores against the clean images (%s)%n", Words.count(r.scores().size(), "image"));
            out.printf("  %-12s %9s %9s %7s%n", "image", "MSE", "PSNR dB", "SSIM");
            printMean(out, r, "denoised", ImageScore::denoised);
            printMean(out, r, "noisy input", ImageScore::noisy);
            if (scoresTable != null) {
                out.printf("Scores table: %s%n", scoresTable);
            }
        }
        if (plan.output() != null && r.denoised() > 0) {
            out.printf("Output: %s%n", plan.output());
        }
        if (!r.skipped().isEmpty()) {
            out.printf("Skipped %d %s:%n", r.skipped().size(), r.skipped().size() == 1 ? "input" : "inputs");
            r.skipped().stream().limit(SKIPPED_SHOWN).forEach(s -> out.printf("  %s: %s%n", s.name(), s.problem()));
            if (r.skipped().size() > SKIPPED_SHOWN) {
                out.printf("  ... and %d more%n", r.skipped().size() - SKIPPED_SHOWN);
            }
        }
    }

    private static void printMean(PrintStream out, DenoiseReport r, String label,
                                  Function<ImageScore, ImageScore.Quality> which) {
        out.printf("  %-12s %9.5f %9.2f %7.3f%n", label, r.mean(s -> which.apply(s).mse()),
                r.mean(s -> which.apply(s).psnr()), r.mean(s -> which.apply(s).ssim()));
    }
}
