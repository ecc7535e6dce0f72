package org.daesweep.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;
import org.daesweep.runtime.NativeGarbage;
import org.daesweep.runtime.IdleCores;
import org.daesweep.runtime.NativeRuntime;
import org.daesweep.search.SweepProgress;
import org.daesweep.search.TrialExecutor;
import org.daesweep.training.TrainingData;
import org.daesweep.training.TrainingRun;
import org.daesweep.training.MemoryCheck;
import org.daesweep.training.TrialRunner;
import org.daesweep.training.TrialTrainer;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.Epochs;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark side of a sweep, kept thin: each piece of a trial is a single-task job, submitted
 * from a driver-side pool so that every task slot stays busy and every finished piece reaches
 * the driver at once (its journal as soon as the freed slot has new work); the task calls the
 * plain-Java {@link TrialRunner} on the broadcast data with the ND4J threads its slot owns. A
 * job group per trial names it in Spark's UI and lets the driver cancel it.
 */
public final class TrialTasks implements TrialExecutor, AutoCloseable {
    /** How long the retrain looks at the machine's cores before choosing its threads. */
    private static final Duration IDLE_LOOK = Duration.ofMillis(500);
    /**
     * How long past trial.timeout the driver waits before it cancels a job that did not stop
     * itself (a trial checks its time after every batch): this, or the timeout if shorter.
     */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);
    private final JavaSparkContext jsc;
    private final Broadcast<TrainingData> data;
    private final int threads;
    private final Duration timeout;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog;
    private final PieceBody body;
    private final Set<Hyperparameter> searched;

    /** What a task does with its piece: TrialRunner's training, or a test's stand-in. */
    @FunctionalInterface
    interface PieceBody extends Serializable {
        TrialPiece run(TrialSpec spec, TrainingData data, Checkpoint from, double untilEpochs, int threads, Duration timeout);
    }

    /** Training the trial's network: what a sweep's tasks do. */
    static final PieceBody TRAINING = TrialTasks::runPiece;

    /** @param searched the hyperparameters the search varies: what each job's description names */
    TrialTasks(JavaSparkContext jsc, Broadcast<TrainingData> data, int threadsPerTask, Duration timeout,
               Set<Hyperparameter> searched, PieceBody body) {
        this.body = body;
        this.searched = searched;
        this.jsc = jsc;
        this.data = data;
        this.threads = threadsPerTask;
        this.timeout = timeout;
        this.pool = Executors.newCachedThreadPool(daemon("dae-sweep-trials"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("dae-sweep-timeouts"));
    }

    /**
     * Starts a one-task job of the form every piece's job takes, and returns at once. A JVM's
     * first Spark job pays Spark's one-time costs (the closure cleaner, the job scope's JSON
     * mapper, the scheduler's and the serialisers' classes). Started as soon as Spark is up, that
     * runs while the driver opens the journal and broadcasts the data.
     * The returned future ends with the job; if the job fails (Spark stopped by a sweep that
     * could not start) the failure stays in it.
     */
    static CompletableFuture<Void> warmUp(JavaSparkContext jsc) {
        return CompletableFuture.runAsync(() -> {
            jsc.setJobDescription("dae-sweep: warm-up");
            jsc.parallelize(List.of(0), 1).map(x -> x).collect();
        }, task -> daemon("dae-sweep-spark-warm-up").newThread(task).start());
    }

    /**
     * A job that Spark itself gives up on (executors lost beyond its retries) becomes a failed,
     * retryable step: not journaled, so a resumed sweep runs it again. A job still running
     * {@link #CANCEL_GRACE} past trial.timeout (a batch that does not end) is cancelled and the
     * trial recorded as timed out.
     */
    @Override
    public CompletableFuture<TrialPiece> run(TrialSpec spec, Checkpoint from, double untilEpochs) {
        return CompletableFuture.supplyAsync(() -> runJob(spec, from, untilEpochs), pool);
    }

    private TrialPiece runJob(TrialSpec spec, Checkpoint from, double untilEpochs) {
        // The Spark UI's jobs page then reads like the trials table.
        jsc.setJobGroup(spec.id(), "dae-sweep " + spec.id() + " to epoch " + Epochs.format(untilEpochs) + ": "
                + SweepProgress.describe(spec.hyperparameters(), searched), true);
        AtomicBoolean cancelled = new AtomicBoolean();
        Duration grace = timeout.compareTo(CANCEL_GRACE) < 0 ? timeout : CANCEL_GRACE;
        ScheduledFuture<?> cancel = timeout.isZero() ? null : watchdog.schedule(() -> {
            cancelled.set(true);
            jsc.cancelJobGroup(spec.id());
        }, timeout.plus(grace).toMillis(), TimeUnit.MILLISECONDS);
        Broadcast<TrainingData> broadcast = data;
        int taskThreads = threads;
        Duration limit = timeout;
        PieceBody task = body;
        try {
            return jsc.parallelize(List.of(spec), 1)
                    .map(s -> task.run(s, broadcast.value(), from, untilEpochs, taskThreads, limit))
                    .collect().get(0);
        } catch (Exception e) { // SparkException is checked, though Scala does not declare it
            if (jsc.sc().isStopped()) {
                throw new IllegalStateException("Spark stopped while trials ran", e);
            }
            List<EpochStats> epochs = from == null ? List.of() : from.epochs();
            if (cancelled.get()) {
                return new TrialPiece(TrialResult.unmeasured(spec, TrialStatus.TIMEOUT, epochs,
                        "cancelled by the driver " + grace.toSeconds() + " s past trial.timeout (" + timeout + ")",
                        "", ""), null, false);
            }
            return new TrialPiece(TrialResult.unmeasured(spec, TrialStatus.FAILED, epochs,
                    "Spark gave up on the task: " + e.getMessage(), "", ""), null, true);
        } finally {
            if (cancel != null) {
                cancel.cancel(false);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Retrains on train+validation in one task, from {@code from} (null: a fresh network) to the
     * end of epoch {@code untilEpoch}, and ships back the model's bytes when that is the last
     * epoch, or a checkpoint when epochs are left. It runs alone, after every trial, so it takes
     * all the cores of its executor, not one task slot's.
     */
    public static Retrained retrain(JavaSparkContext jsc, Broadcast<TrainingData> data, Hyperparameters hp, long seed,
                                    Checkpoint from, int untilEpoch) {
        jsc.setJobDescription("dae-sweep: retrain the best configuration to epoch " + untilEpoch + " of " + hp.epochs());
        // A checkpoint is megabytes: broadcast, not in every task's closure.
        Broadcast<Checkpoint> start = from == null ? null : jsc.broadcast(from);
        try {
            return jsc.parallelize(List.of(hp), 1)
                    .map(h -> retrainTask(h, data.value(), seed, start == null ? null : start.value(), untilEpoch))
                    .collect().get(0);
        } finally {
            if (start != null) {
                start.destroy();
            }
        }
    }

    /**
     * The retrained network as a model file's bytes (empty while epochs are left), its epochs, and
     * the checkpoint to continue from (null once the last epoch is trained or training stopped).
     */
    public record Retrained(byte[] model, List<EpochStats> epochs, TrialStatus status, String message,
                            Checkpoint checkpoint) implements Serializable {
        /** A retrain that ended: trained to its last epoch, or stopped. */
        public static Retrained ended(byte[] model, List<EpochStats> epochs, TrialStatus status, String message) {
            return new Retrained(model, epochs, status, message, null);
        }
    }

    private static TrialPiece runPiece(TrialSpec spec, TrainingData data, Checkpoint from, double untilEpochs, int threads,
                                      Duration timeout) {
        NativeRuntime.configure(threads);
        SparkEnv env = SparkEnv.get();
        return new TrialRunner(timeout, TrialMemory.perTrial()).run(spec, data, from, untilEpochs, env.executorId(),
                env.blockManager().blockManagerId().host());
    }

    private static Retrained retrainTask(Hyperparameters hp, TrainingData data, long seed, Checkpoint from,
                                         int untilEpoch) {
        System.gc();
        NativeGarbage.releaseFreeMemory(); // what the trials or the previous piece left behind
        // Alone on its executor, the retrain may use every core, but only the ones nothing else holds.
        int cores = SparkEnv.get().conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
        int threads = IdleCores.of(cores, IDLE_LOOK);
        NativeRuntime.configure(threads);
        TrainingData all = data.merged();
        var tooLarge = MemoryCheck.problem(hp, all, TrialMemory.ofJvm());
        if (tooLarge.isPresent()) {
            return Retrained.ended(new byte[0], List.of(), TrialStatus.FAILED, tooLarge.get());
        }
        // The retrain is the longest single task of a sweep: say where it stands (the executor's log).
        Logger log = LoggerFactory.getLogger(TrialTasks.class);
        log.info("retrain: {} of {} cores idle, so {} ND4J thread{}", threads, cores, threads, threads == 1 ? "" : "s");
        TrainingRun run = new TrialTrainer().train(hp, all, seed, from, untilEpoch, Duration.ZERO, e -> log.info(
                "retrain epoch {}/{}: train loss {} in {} s", e.epoch(), hp.epochs(), String.format("%.5f", e.trainLoss()),
                Math.round(e.seconds())));
        Retrained retrained = run.continues(hp.epochs())
                ? new Retrained(new byte[0], List.copyOf(run.epochs()), run.status(), run.message(), run.checkpoint())
                : Retrained.ended(ModelFile.toBytes(run.network()), List.copyOf(run.epochs()), run.status(), run.message());
        run.network().releasePlans();
        return retrained;
    }
}
