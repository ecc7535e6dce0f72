package org.daesweep.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;
import org.daesweep.search.TrialSpec;
import org.daesweep.training.EpochStats;
import org.daesweep.training.NativeRuntime;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrainingRun;
import org.daesweep.training.TrialResult;
import org.daesweep.training.TrialRunner;
import org.daesweep.training.TrialStatus;
import org.daesweep.training.TrialTrainer;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The Spark side of a sweep, kept thin: one partition (so one task) per trial, each calling the
 * plain-Java {@link TrialRunner} on the broadcast data with the ND4J threads its slot owns.
 */
public final class TrialTasks {
    private TrialTasks() {
    }

    /**
     * Runs each trial as a job of its own, several at a time from a driver-side pool, so that
     * every finished trial reaches {@code onResult} (the journal) at once rather than when the
     * slowest trial ends, and a job group per trial names it in Spark's UI. A job that Spark
     * itself gives up on (executors lost beyond its retries) becomes a failed trial that is not
     * reported to {@code onResult}, so a resumed sweep runs it again.
     */
    public static List<TrialResult> runTrials(JavaSparkContext jsc, Broadcast<TrainingData> data, List<TrialSpec> specs,
                                              int threadsPerTask, Duration timeout, Consumer<TrialResult> onResult) {
        if (specs.isEmpty()) {
            return List.of();
        }
        // Enough jobs queued to keep every task slot busy; Spark runs them as slots free up.
        int concurrent = Math.min(specs.size(), 2 * Math.max(1, jsc.defaultParallelism()));
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(r, "dae-sweep-trials");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (TrialSpec spec : specs) {
                futures.add(pool.submit(() -> runJob(jsc, data, spec, threadsPerTask, timeout, onResult)));
            }
            List<TrialResult> results = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trials ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static TrialResult runJob(JavaSparkContext jsc, Broadcast<TrainingData> data, TrialSpec spec,
                                      int threads, Duration timeout, Consumer<TrialResult> onResult) {
        jsc.setJobGroup(spec.id(), "dae-sweep " + spec.id(), true);
        TrialResult result;
        try {
            result = jsc.parallelize(List.of(spec), 1)
                    .map(s -> runTrial(s, data.value(), threads, timeout))
                    .collect().get(0);
        } catch (RuntimeException e) {
            if (jsc.sc().isStopped()) {
                throw e;
            }
            return new TrialResult(spec, TrialStatus.FAILED, List.of(), 0, 0,
                    "Spark gave up on the task: " + e.getMessage(), "", "");
        }
        // Outside the try: a journal that cannot be written must stop the sweep, not pose as a failed trial.
        onResult.accept(result);
        return result;
    }

    /**
     * Retrains on train+validation in one task and ships the model back as bytes. It runs alone,
     * after every trial, so it takes all the cores of its executor, not one task slot's.
     */
    public static Retrained retrain(JavaSparkContext jsc, Broadcast<TrainingData> data, Hyperparameters hp, long seed) {
        jsc.setJobDescription("dae-sweep: retrain the best configuration");
        return jsc.parallelize(List.of(hp), 1)
                .map(h -> retrainTask(h, data.value(), seed))
                .collect().get(0);
    }

    /** The retrained network as a model file's bytes, and its epochs. */
    public record Retrained(byte[] model, List<EpochStats> epochs, TrialStatus status, String message)
            implements Serializable {
    }

    private static TrialResult runTrial(TrialSpec spec, TrainingData data, int threads, Duration timeout) {
        NativeRuntime.configure(threads);
        SparkEnv env = SparkEnv.get();
        return new TrialRunner(timeout).run(spec, data, env.executorId(), env.blockManager().blockManagerId().host());
    }

    private static Retrained retrainTask(Hyperparameters hp, TrainingData data, long seed) {
        NativeRuntime.configure(SparkEnv.get().conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors()));
        TrainingRun run = new TrialTrainer().train(hp, data.merged(), seed, Duration.ZERO, e -> { });
        return new Retrained(ModelFile.toBytes(run.network()), List.copyOf(run.epochs()), run.status(), run.message());
    }
}
