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
import java.util.List;

/**
 * The Spark side of a sweep, kept thin: one partition (so one task) per trial, each calling the
 * plain-Java {@link TrialRunner} on the broadcast data with the ND4J threads its slot owns.
 */
public final class TrialTasks {
    private TrialTasks() {
    }

    public static List<TrialResult> runTrials(JavaSparkContext jsc, Broadcast<TrainingData> data,
                                              List<TrialSpec> specs, int threadsPerTask, Duration timeout) {
        jsc.setJobDescription("dae-sweep: " + specs.size() + " trials");
        return jsc.parallelize(specs, specs.size())
                .map(spec -> runTrial(spec, data.value(), threadsPerTask, timeout))
                .collect();
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
