package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.daesweep.model.Hyperparameters;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Trains a throwaway network once per JVM on a background thread, so that the first trials do
 * not pay the JVM's warm-up: loading the ND4J and SameDiff classes, compiling the training path
 * and generating oneDNN's kernels made the first trial of a local bench sweep take 3.3-5.3 s
 * against 1.3-2.3 s for the same shapes later, and with two task slots both first trials paid
 * it side by side. A local sweep's driver starts it before Spark, whose start it overlaps
 * (docs/PERFORMANCE.md sections 17 and 20). Trials do not wait for it, and depend on nothing
 * it leaves behind: their results are the same with or without it.
 */
public final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** Training batches: the second step runs on what the first one loaded and compiled. */
    private static final int BATCHES = 2;
    /** One thread, so that the warm-up's training starts after the libraries it needs have loaded. */
    private static final ThreadPoolExecutor THREAD = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "dae-sweep-warm-up");
                t.setDaemon(true); // never keeps a finished sweep's JVM alive
                return t;
            });
    private static CompletableFuture<Void> libraries;
    private static CompletableFuture<Duration> started;

    static {
        THREAD.allowCoreThreadTimeOut(true);
    }

    private WarmUp() {
    }

    /**
     * What to warm up for: a configuration the sweep will train (its base), at the data's image
     * size (oneDNN's kernels depend on the shapes), with the ND4J threads of a task slot.
     */
    public record Spec(Hyperparameters hyperparameters, int height, int width, int threads) {
    }

    /**
     * Loads ND4J's native library and SameDiff's registry of ops on the warm-up thread, unless
     * that started before: ~1.0 s and ~1.1 s of one-time set-up that a JVM's first SameDiff step
     * pays otherwise. It needs nothing from the sweep, so a driver starts it before it reads
     * the data, and a warm-up started later trains once it is done.
     *
     * @return done when the libraries are loaded
     */
    public static synchronized CompletableFuture<Void> loadLibraries() {
        if (libraries == null) {
            libraries = CompletableFuture.runAsync(() -> {
                NativeRuntime.prepare();
                Nd4j.getBackend();
                DifferentialFunctionClassHolder.getInstance();
            }, THREAD);
            libraries.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    log.warn("loading ND4J ahead of the trials failed (they load it themselves): {}", failure.toString());
                }
            });
        }
        return libraries;
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
            started = CompletableFuture.supplyAsync(() -> run(spec), THREAD);
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
