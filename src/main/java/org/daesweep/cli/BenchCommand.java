package org.daesweep.cli;

import org.daesweep.data.IdxImageReader;
import org.daesweep.data.ImageSet;
import org.daesweep.data.SplitSpec;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.OpTimes;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.training.Denoiser;
import org.daesweep.training.EpochStats;
import org.daesweep.training.NativeRuntime;
import org.daesweep.training.SweepData;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrainingRun;
import org.daesweep.training.TrialTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures one trial's training and inference speed and memory, without Spark: what
 * scripts/bench.sh calls. The first epoch is warm-up (JIT, oneDNN kernel generation) and is
 * reported apart; the figures are the mean of the later epochs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training and inference images/s and peak memory of one configuration (no Spark).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--images", defaultValue = "data/mnist/t10k-images-idx3-ubyte.gz")
    Path images;
    @Option(names = "--count", defaultValue = "2048", description = "training images (default ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--epochs", defaultValue = "3", description = "epochs, the first being warm-up (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--threads", defaultValue = "2", description = "ND4J threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--shape", defaultValue = "baseline",
            description = "baseline (reference CAE, 32 filters), tuned (64 filters, BatchNorm, second conv halved) "
                    + "or unet (2 levels, 2 convs per block, 32-64-128 filters, BatchNorm)")
    String shape;
    @Option(names = "--batch-size", defaultValue = "128")
    int batchSize;
    @Option(names = "--filters", description = "overrides the shape's filters, e.g. 96 for the memory of a wide trial")
    Integer filters;
    @Option(names = "--profile", description = "also print the training time per op type")
    boolean profile;
    @Option(names = "--profile-ops", defaultValue = "15",
            description = "ops --profile lists by time, the rest summed in one line (default ${DEFAULT-VALUE})")
    int profileOps;

    @Override
    public Integer call() {
        NativeRuntime.configure(threads);
        Hyperparameters base = Hyperparameters.referenceBaseline().with(Hyperparameter.LOSS, "bce")
                .withTraining(epochs, batchSize);
        Hyperparameters hp = switch (shape) {
            case "baseline" -> base;
            case "tuned" -> base.with(Hyperparameter.FILTERS, 64).with(Hyperparameter.HALVE_SECOND, true)
                    .with(Hyperparameter.BATCH_NORM, true);
            case "unet" -> base.with(Hyperparameter.MODEL, "unet").with(Hyperparameter.CONVS, 2)
                    .with(Hyperparameter.BATCH_NORM, true);
            default -> throw new org.daesweep.UserException("--shape: baseline, tuned or unet, got " + shape);
        };
        if (filters != null) {
            hp = hp.with(Hyperparameter.FILTERS, filters);
        }
        ImageSet all = new IdxImageReader().read(images);
        SweepData data = SweepData.prepare(all, new SplitSpec(0.2, 0.2, 42), NoiseSetup.of(new GaussianNoise(0.5)), 42);
        TrainingData train = TrainingData.trainingOnly(data.training().noisyTrain().head(count),
                data.training().cleanTrain().head(count));
        int n = train.cleanTrain().count();
        OpTimes opTimes = new OpTimes();
        TrainingRun run = (profile ? new TrialTrainer(opTimes) : new TrialTrainer()).train(hp, train, 42, java.time.Duration.ZERO, e -> {
            System.out.printf("epoch %d: %.2f s, %.0f images/s, loss %.4f%n", e.epoch(), e.seconds(), n / e.seconds(), e.trainLoss());
        });
        List<EpochStats> timed = run.epochs().size() > 1 ? run.epochs().subList(1, run.epochs().size()) : run.epochs();
        double epochSeconds = timed.stream().mapToDouble(EpochStats::seconds).average().orElseThrow();

        if (profile) {
            long steps = (long) hp.epochs() * ((n + batchSize - 1) / batchSize);
            System.out.println("op time per training step (all epochs):");
            var ops = opTimes.byTime();
            ops.stream().limit(profileOps).forEach(e -> System.out.printf("  %-28s %8.2f ms  %5.1f calls%n",
                    e.op(), e.nanos() / 1e6 / steps, (double) e.calls() / steps));
            double rest = ops.stream().skip(profileOps).mapToLong(OpTimes.Entry::nanos).sum() / 1e6 / steps;
            double total = ops.stream().mapToLong(OpTimes.Entry::nanos).sum() / 1e6 / steps;
            System.out.printf("  %-28s %8.2f ms%n  %-28s %8.2f ms%n",
                    "the other " + Math.max(0, ops.size() - profileOps) + " ops", rest, "all ops", total);
        }
        ImageSet test = data.noisyTest();
        Denoiser denoiser = new Denoiser(run.network());
        denoiser.denoise(test);
        long start = System.nanoTime();
        denoiser.denoise(test);
        double inferSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("RESULT shape=%s threads=%d batch=%d images=%d train_img_s=%.0f epoch_s=%.2f "
                        + "infer_img_s=%.0f peak_heap_mb=%.0f peak_rss_mb=%.0f%n",
                shape, threads, batchSize, n, n / epochSeconds, epochSeconds, test.count() / inferSeconds,
                peakHeapMb(), peakRssMb());
        return 0;
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
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
