package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.daesweep.model.Hyperparameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Trains a throwaway network once per JVM on a background thread, so that the first trials do
 * not pay the JVM's warm-up: loading the ND4J and SameDiff classes, compiling the training path
 * and generating oneDNN's kernels made the first trial of a local bench sweep take 3.3-5.3 s
 * against 1.3-2.3 s for the same shapes later, and with two task slots both first trials paid
 * it side by side. A local sweep's driver starts it before Spark, whose start it overlaps
 * (docs/PERFORMANCE.md section 17). Trials do not wait for it, and depend on nothing it leaves
 * behind: their results are the same with or without it.
 */
public final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** Training batches: the second step runs on what the first one loaded and compiled. */
    private static final int BATCHES = 2;
    private static CompletableFuture<Duration> started;

    private WarmUp() {
    }

    /**
     * What to warm up for: a configuration the sweep will train (its base), at the data's image
     * size (oneDNN's kernels depend on the shapes), with the ND4J threads of a task slot.
     */
    public record Spec(Hyperparameters hyperparameters, int height, int width, int threads) {
    }

    /**
     * Starts this JVM's warm-up unless one started before (the first spec wins; the driver of a
     * sweep that runs again in the same JVM asks again). A failed warm-up is logged and changes
     * nothing else.
     *
     * @return the warm-up's duration, when it ends
     */
    public static synchronized CompletableFuture<Duration> startOnce(Spec spec) {
        if (started == null) {
            started = CompletableFuture.supplyAsync(() -> run(spec), task -> {
                Thread t = new Thread(task, "dae-sweep-warm-up");
                t.setDaemon(true); // never keeps a finished sweep's JVM alive
                t.start();
            });
            started.whenComplete((took, failure) -> {
                if (failure != null) {
                    log.warn("warm-up for trials failed (trials are not affected, only their start is slower): {}",
                            failure.toString());
                } else {
                    log.debug("warmed up for trials in {} s", String.format("%.1f", took.toMillis() / 1e3));
                }
            });
        }
        return started;
    }

    /** Trains {@link #BATCHES} steps of a fresh network on random images and validates it, on this thread. */
    static Duration run(Spec spec) {
        long start = System.nanoTime();
        NativeRuntime.configure(spec.threads());
        Hyperparameters hp = spec.hyperparameters();
        Random random = new Random(0);
        int trainCount = BATCHES * hp.batchSize();
        TrainingData data = new TrainingData(noise(random, trainCount, spec), noise(random, trainCount, spec),
                noise(random, hp.batchSize(), spec), noise(random, hp.batchSize(), spec), null);
        new TrialTrainer().train(hp.withTraining(1, hp.batchSize()), data, 0, Duration.ZERO, epoch -> {
        }).network().releasePlans();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static ImageSet noise(Random random, int count, Spec spec) {
        float[] pixels = new float[count * spec.height() * spec.width()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return new ImageSet(pixels, count, spec.height(), spec.width());
    }
}
