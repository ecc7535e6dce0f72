package org.daesweep.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.daesweep.UserException;
import org.daesweep.data.IdxImageReader;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Picture;
import org.daesweep.data.SplitSpec;
import org.daesweep.data.Storage;
import org.daesweep.denoise.ImageDenoiser;
import org.daesweep.model.Architecture;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.runtime.NativeGarbage;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.runtime.OpTimes;
import org.daesweep.training.Denoiser;
import org.daesweep.training.MemoryCheck;
import org.daesweep.training.SweepData;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrainingRun;
import org.daesweep.training.TrialTrainer;
import org.daesweep.trial.EpochStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.SplittableRandom;
import java.io.IOException;
import java.time.Duration;

/**
 * Measures one trial's training and inference speed and memory, without Spark: what
 * scripts/bench.sh calls. The first epoch is warm-up (JIT, oneDNN kernel generation) and is
 * reported apart; the figures are the mean of the later epochs. {@code --parallel} trains several
 * copies at once in this JVM, to tell whether parallel trials slow each other down inside an
 * executor or only across the machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training and inference images/s and peak memory of one configuration (no Spark).")
final class BenchCommand implements Callable<Integer> {
    private static final String PHOTO = "photo";
    private static final int PATCH = 64;
    private static final int PHOTO_BATCH = 16;
    private static final int CAE_BATCH = 128;
    private static final int PHOTO_SIDE = 512;
    private static final int PHOTO_INFERENCE_IMAGES = 8;
    @Option(names = "--images", paramLabel = "FILE", defaultValue = "data/mnist/t10k-images-idx3-ubyte.gz",
            description = "the IDX image file to train on (default ${DEFAULT-VALUE}); --count says how many images")
    String images;
    @Option(names = "--count", defaultValue = "2048", description = "training images (default ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--epochs", defaultValue = "3", description = "epochs, the first being warm-up (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--threads", defaultValue = "2", description = "ND4J threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--shape", defaultValue = "baseline",
            description = "baseline (reference CAE, 32 filters), tuned (64 filters, BatchNorm, second conv halved), "
                    + "unet (2 levels, 2 convs per block, 32-64-128 filters, BatchNorm) or photo (residual U-Net of 3 "
                    + "levels, 2 convs per block, 16-32-64 filters, MSE, on random 64x64 patches; inference on 512x512 "
                    + "images: the PyTorch peer's photo shape)")
    String shape;
    @Option(names = "--batch-size", defaultValue = "0",
            description = "images per training step (default: the shape's, 16 for photo, 128 for the others)")
    int batchSize;
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "overrides one of the shape's hyperparameters by its sweep-file key, e.g. filters=96")
    Map<String, String> overrides = new LinkedHashMap<>();
    @Option(names = "--profile", description = "also print the training time per op type")
    boolean profile;
    @Option(names = "--profile-ops", defaultValue = "15",
            description = "ops --profile lists by time, the rest summed in one line (default ${DEFAULT-VALUE})")
    int profileOps;
    @Option(names = "--parallel", defaultValue = "1",
            description = "trains this many copies at once, each on a thread of its own with --threads ND4J threads, "
                    + "as parallel trials share an executor; training images/s is their sum (default ${DEFAULT-VALUE})")
    int parallel;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        NativeRuntime.configure(threads);
        Hyperparameters hp = hyperparameters();
        boolean photo = shape.equals(PHOTO);
        SweepData data = photo ? null : mnist();
        TrainingData train = photo ? randomPatches() : TrainingData.trainingOnly(data.training().noisyTrain().head(count),
                data.training().cleanTrain().head(count));
        int n = train.cleanTrain().count();
        OpTimes opTimes = new OpTimes();
        double residentBeforeMb = NativeGarbage.residentBytes() / 1e6;
        List<TrainingRun> runs = trainCopies(profile ? new TrialTrainer(opTimes) : new TrialTrainer(), hp, train);
        TrainingRun run = runs.get(0);
        double epochSeconds = meanTimedEpochSeconds(run);
        double trainImagesPerSecond = runs.stream().mapToDouble(r -> n / meanTimedEpochSeconds(r)).sum();
        if (profile) {
            printProfile(opTimes, opTimes.passes());
        }
        double inferImagesPerSecond = photo ? photoInference(run) : inference(run, data.noisyTest());
        System.out.printf("RESULT shape=%s threads=%d parallel=%d batch=%d images=%d train_img_s=%.1f epoch_s=%.2f "
                        + "infer_img_s=%.1f peak_heap_mb=%.0f peak_rss_mb=%.0f growth_mb=%.0f estimate_mb=%.0f %s%n",
                shape, threads, parallel, hp.batchSize(), n, trainImagesPerSecond, epochSeconds, inferImagesPerSecond,
                peakHeapMb(), peakRssMb(), peakRssMb() - residentBeforeMb,
                parallel * MemoryCheck.neededBytes(hp, train) / 1e6, NativeRuntime.describeMachine());
        return 0;
    }

    private SweepData mnist() {
        ImageSet all = new IdxImageReader().read(Storage.standalone(), Storage.standalone().path(images));
        return SweepData.prepare(all, new SplitSpec(0.2, 0.2, 42), NoiseSetup.of(new GaussianNoise(0.5)), 42);
    }

    /** As the peer trains its photo shape: uniform random 64x64 patches with clipped Gaussian noise 0.1. */
    private TrainingData randomPatches() {
        SplittableRandom random = new SplittableRandom(42);
        float[] pixels = new float[count * PATCH * PATCH];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        ImageSet clean = new ImageSet(pixels, count, PATCH, PATCH);
        return TrainingData.trainingOnly(new GaussianNoise(0.1).apply(clean, 43), clean);
    }

    /** Test images per second, after one pass to warm up. */
    private static double inference(TrainingRun run, ImageSet test) {
        Denoiser denoiser = new Denoiser(run.network());
        denoiser.denoise(test);
        long start = System.nanoTime();
        denoiser.denoise(test);
        return test.count() / ((System.nanoTime() - start) / 1e9);
    }

    /** 512x512 images per second, one at a time as denoise takes photographs, after one to warm up. */
    private static double photoInference(TrainingRun run) {
        SplittableRandom random = new SplittableRandom(44);
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < PHOTO_INFERENCE_IMAGES; i++) {
            float[] plane = new float[PHOTO_SIDE * PHOTO_SIDE];
            for (int p = 0; p < plane.length; p++) {
                plane[p] = (float) random.nextDouble();
            }
            pictures.add(Picture.gray(plane, PHOTO_SIDE, PHOTO_SIDE));
        }
        ImageDenoiser denoiser = new ImageDenoiser(run.network(), false);
        denoiser.denoise(pictures.subList(0, 1));
        long start = System.nanoTime();
        denoiser.denoise(pictures);
        return pictures.size() / ((System.nanoTime() - start) / 1e9);
    }

    private Hyperparameters hyperparameters() {
        int batch = batchSize > 0 ? batchSize : shape.equals(PHOTO) ? PHOTO_BATCH : CAE_BATCH;
        Hyperparameters base = Hyperparameters.referenceBaseline().with(Hyperparameter.LOSS, "bce")
                .withTraining(epochs, batch);
        Hyperparameters hp = switch (shape) {
            case "baseline" -> base;
            case "tuned" -> base.with(Hyperparameter.FILTERS, 64).with(Hyperparameter.HALVE_SECOND, true)
                    .with(Hyperparameter.BATCH_NORM, true);
            case "unet" -> base.with(Hyperparameter.MODEL, Architecture.UNET.label()).with(Hyperparameter.CONVS, 2)
                    .with(Hyperparameter.BATCH_NORM, true);
            case PHOTO -> base.with(Hyperparameter.MODEL, Architecture.UNET.label()).with(Hyperparameter.DEPTH, 3)
                    .with(Hyperparameter.CONVS, 2).with(Hyperparameter.FILTERS, 16).with(Hyperparameter.RESIDUAL, true)
                    .with(Hyperparameter.LOSS, "mse");
            default -> throw new UserException("--shape: baseline, tuned, unet or photo, got " + shape);
        };
        for (Map.Entry<String, String> set : overrides.entrySet()) {
            Hyperparameter h = Hyperparameter.byKey(set.getKey()).orElseThrow(() -> new UserException(
                    "--set: no hyperparameter " + set.getKey() + "; one of " + Hyperparameter.keys()));
            try {
                hp = hp.with(h, ConfigFactory.parseString("v = " + set.getValue()).getValue("v").unwrapped());
            } catch (ConfigException | IllegalArgumentException e) {
                throw new UserException("--set " + set.getKey() + ": " + e.getMessage());
            }
        }
        return hp;
    }

    private void checkOptions() {
        if (parallel < 1 || (parallel > 1 && profile)) {
            throw new UserException("--parallel: 1 or more, and 1 with --profile; got " + parallel);
        }
        atLeast("--count", count, 1);
        atLeast("--epochs", epochs, 1);
        atLeast("--batch-size", batchSize, 0);
        atLeast("--profile-ops", profileOps, 0);
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads * parallel > cores) {
            throw new UserException("--threads: 1 or more, and --threads x --parallel at most this machine's " + cores
                    + " cores (more would oversubscribe them); got " + threads + " x " + parallel);
        }
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new UserException(option + ": must be " + least + " or more, got " + value);
        }
    }

    /** {@code --parallel} copies trained at once, each on a thread of its own, printing their epochs. */
    private List<TrainingRun> trainCopies(TrialTrainer trainer, Hyperparameters hp, TrainingData train) throws Exception {
        int n = train.cleanTrain().count();
        ExecutorService copies = Executors.newFixedThreadPool(parallel);
        List<Future<TrainingRun>> training = new ArrayList<>();
        for (int copy = 0; copy < parallel; copy++) {
            String label = parallel == 1 ? "" : "copy " + copy + ", ";
            training.add(copies.submit(() -> {
                NativeRuntime.configure(threads); // OpenMP's thread count is per thread
                return trainer.train(hp, train, 42, Duration.ZERO, e -> System.out.printf(
                        "%sepoch %d: %.2f s, %.0f images/s, loss %.4f%n", label, e.epoch(), e.seconds(), n / e.seconds(),
                        e.trainLoss()));
            }));
        }
        List<TrainingRun> runs = new ArrayList<>();
        for (Future<TrainingRun> copy : training) {
            runs.add(copy.get());
        }
        copies.shutdown();
        return runs;
    }

    private void printProfile(OpTimes opTimes, long steps) {
        System.out.println("op time per training step, over " + steps + " timed steps:");
        var ops = opTimes.byTime();
        ops.stream().limit(profileOps).forEach(e -> System.out.printf("  %-28s %8.2f ms  %5.1f calls%n",
                e.op(), e.nanos() / 1e6 / steps, (double) e.calls() / steps));
        double rest = ops.stream().skip(profileOps).mapToLong(OpTimes.Entry::nanos).sum() / 1e6 / steps;
        double total = ops.stream().mapToLong(OpTimes.Entry::nanos).sum() / 1e6 / steps;
        System.out.printf("  %-28s %8.2f ms%n  %-28s %8.2f ms%n",
                "the other " + Math.max(0, ops.size() - profileOps) + " ops", rest, "all ops", total);
    }

    /** The first epoch is warm-up unless it is the only one. */
    private static double meanTimedEpochSeconds(TrainingRun run) {
        List<EpochStats> epochs = run.epochs();
        return epochs.subList(epochs.size() > 1 ? 1 : 0, epochs.size()).stream().mapToDouble(EpochStats::seconds)
                .average().orElseThrow();
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }

    /**
     * Peak resident set of the whole process (VmHWM): heap, ND4J's native buffers and code.
     * ND4J's buffers are allocated by libnd4j, outside JavaCPP's accounting, so the resident set
     * is the one measure that sees them; off-heap is at most this minus the peak heap.
     */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1e3;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
