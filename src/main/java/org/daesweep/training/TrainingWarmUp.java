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
    /**
     * Largest batch warmed up: the warm-up runs before any trial's memory check, and a sweep's
     * batch size may be far larger than its data (the trials then train on all of it at once).
     */
    private static final int LARGEST_BATCH = 256;

    @Override
    public void run() {
        NativeRuntime.configure(threads);
        Random random = new Random(0);
        int batch = Math.min(hyperparameters.batchSize(), LARGEST_BATCH);
        TrainingData data = new TrainingData(noise(random, BATCHES * batch), noise(random, BATCHES * batch),
                noise(random, batch), noise(random, batch), null);
        new TrialTrainer().train(hyperparameters.withTraining(1, batch), data, 0, Duration.ZERO,
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
