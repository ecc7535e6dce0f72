package org.daesweep.cli;

import org.daesweep.data.IdxImageReader;
import org.daesweep.data.ImageSet;
import org.daesweep.data.SplitSpec;
import org.daesweep.model.Hyperparameters;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.training.Denoiser;
import org.daesweep.training.NativeRuntime;
import org.daesweep.training.SweepData;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrainingRun;
import org.daesweep.training.TrialTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Measures one trial's training and inference speed, no Spark: what scripts/bench.sh calls. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training and inference images/s of one configuration (no Spark).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--images", defaultValue = "data/mnist/t10k-images-idx3-ubyte.gz")
    Path images;
    @Option(names = "--count", defaultValue = "2000", description = "training images")
    int count;
    @Option(names = "--epochs", defaultValue = "2", description = "epochs; the first is reported apart as warm-up")
    int epochs;
    @Option(names = "--threads", defaultValue = "2")
    int threads;
    @Option(names = "--filters", defaultValue = "32")
    int filters;
    @Option(names = "--batch-norm", defaultValue = "false")
    boolean batchNorm;
    @Option(names = "--halve-second", defaultValue = "false")
    boolean halveSecond;
    @Option(names = "--batch-size", defaultValue = "128")
    int batchSize;

    @Override
    public Integer call() {
        NativeRuntime.configure(threads);
        ImageSet all = new IdxImageReader().read(images).head((int) Math.ceil(count / 0.6) + 1);
        SweepData data = SweepData.prepare(all, new SplitSpec(0.2, 0.25, 42), new GaussianNoise(0.5), 42);
        TrainingData train = new TrainingData(data.training().noisyTrain().head(count),
                data.training().cleanTrain().head(count), null, null);
        Hyperparameters base = Hyperparameters.referenceBaseline();
        Hyperparameters hp = new Hyperparameters(base.model(), base.depth(), filters, halveSecond, base.kernel(),
                batchNorm, base.activation(), "bce", base.learningRate(), batchSize, epochs);
        TrainingRun run = new TrialTrainer().train(hp, train, 42, e -> System.out.printf(
                "epoch %d: %.1f s, %.0f train images/s, loss %.4f%n", e.epoch(), e.seconds(),
                train.cleanTrain().count() / e.seconds(), e.trainLoss()));
        ImageSet test = data.noisyTest();
        Denoiser denoiser = new Denoiser(run.network());
        denoiser.denoise(test);
        long start = System.nanoTime();
        denoiser.denoise(test);
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("inference: %d images in %.2f s, %.0f images/s%n", test.count(), s, test.count() / s);
        return 0;
    }
}
