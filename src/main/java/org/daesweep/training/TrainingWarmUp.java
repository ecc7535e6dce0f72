package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.daesweep.model.Hyperparameters;
import org.daesweep.runtime.NativeRuntime;

import java.time.Duration;
import java.util.Random;

/**
 * What a JVM trains to warm up for its trials: two steps of a fresh network of the sweep's base
 * configuration, at the data's image size (oneDNN's kernels depend on the shapes), with a task
 * slot's threads, on random images, and one validation.
 *
 * @param hyperparameters a configuration the sweep will train (its base)
 */
public record TrainingWarmUp(Hyperparameters hyperparameters, int height, int width, int threads) implements Runnable {
    /** Training batches: the second step runs on what the first one loaded and compiled. */
    private static final int BATCHES = 2;

    @Override
    public void run() {
        NativeRuntime.configure(threads);
        Random random = new Random(0);
        int trainCount = BATCHES * hyperparameters.batchSize();
        TrainingData data = new TrainingData(noise(random, trainCount), noise(random, trainCount),
                noise(random, hyperparameters.batchSize()), noise(random, hyperparameters.batchSize()), null);
        new TrialTrainer().train(hyperparameters.withTraining(1, hyperparameters.batchSize()), data, 0, Duration.ZERO,
                epoch -> {
                }).network().releasePlans();
    }

    private ImageSet noise(Random random, int count) {
        float[] pixels = new float[count * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return new ImageSet(pixels, count, height, width);
    }
}
