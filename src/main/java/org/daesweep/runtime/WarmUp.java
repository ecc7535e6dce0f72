package org.daesweep.runtime;

import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's warm-up, on one background thread: loading ND4J and SameDiff, then once a piece of
 * work the caller gives (training a throwaway network), so that the first trials do not pay for
 * loading classes, compiling the training path and generating oneDNN's kernels. A local sweep's
 * driver starts it before Spark, whose start it overlaps. Nothing waits for it, and nothing
 * depends on what it leaves behind: results are the same with or without it.
 */
public final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** One thread, so that the warm-up's work starts after the libraries it needs have loaded. */
    private static final ThreadPoolExecutor THREAD = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "dae-sweep-warm-up");
                t.setDaemon(true); // never keeps a finished sweep's JVM alive
                return t;
            });
    private static CompletableFuture<Void> libraries;
    /** This JVM's warm-up: one per JVM, whoever asks first. */
    private static final WarmUp JVM = new WarmUp();
    private CompletableFuture<Duration> started;

    static {
        THREAD.allowCoreThreadTimeOut(true);
    }

    WarmUp() {
    }

    /**
     * Loads ND4J's native library and SameDiff's registry of ops on the warm-up thread, unless
     * that started before: one-time set-up that a JVM's first SameDiff step pays otherwise. It
     * needs nothing from the sweep, so a driver starts it before it reads the data.
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
     * Runs {@code work} on the warm-up thread unless a warm-up started before in this JVM (the
     * first wins). A failed warm-up is logged and changes nothing else.
     *
     * @return how long the work took, when it ends
     */
    public static CompletableFuture<Duration> startOnce(Runnable work) {
        return JVM.start(work);
    }

    /** {@link #startOnce} of this instance (a test's own, where the JVM's may have started already). */
    synchronized CompletableFuture<Duration> start(Runnable work) {
        if (started == null) {
            started = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                work.run();
                return Duration.ofNanos(System.nanoTime() - start);
            }, THREAD);
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
}
