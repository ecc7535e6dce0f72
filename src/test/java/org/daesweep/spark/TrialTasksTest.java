package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.daesweep.TestData;
import org.daesweep.data.ImageSet;
import org.daesweep.model.Hyperparameters;
import org.daesweep.training.TrainingData;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialTasksTest {
    @Test
    void theWarmUpRunsOneJobOfOneTaskAndItsFutureEndsWithIt() throws Exception {
        JavaSparkContext jsc = context();
        try {
            // Spark's listener bus tells of the job's end a little after the job's own future.
            CompletableFuture<SparkListenerJobEnd> jobEnd = new CompletableFuture<>();
            CompletableFuture<Integer> tasks = new CompletableFuture<>();
            jsc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onStageCompleted(SparkListenerStageCompleted stage) {
                    tasks.complete(stage.stageInfo().numTasks());
                }

                @Override
                public void onJobEnd(SparkListenerJobEnd end) {
                    jobEnd.complete(end);
                }
            });
            TrialTasks.warmUp(jsc).get(60, TimeUnit.SECONDS);
            assertEquals(JobSucceeded$.MODULE$, jobEnd.get(60, TimeUnit.SECONDS).jobResult());
            assertEquals(1, tasks.get(60, TimeUnit.SECONDS));
            assertEquals(1, jsc.statusTracker().getJobIdsForGroup(null).length, "one job");
        } finally {
            jsc.stop();
        }
    }

    @Test
    void aWarmUpOnAStoppedSparkFailsInItsFuture() {
        JavaSparkContext jsc = context();
        jsc.stop();
        assertThrows(ExecutionException.class, () -> TrialTasks.warmUp(jsc).get(60, TimeUnit.SECONDS));
    }

    @Test
    void aPieceStuckPastItsTimeoutIsCancelledByTheDriver() throws Exception {
        JavaSparkContext jsc = context();
        try (TrialTasks tasks = new TrialTasks(jsc, jsc.broadcast(data()), 1, Duration.ofSeconds(1), java.util.Set.of(),
                (spec, data, from, until, threads, timeout) -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE); // a batch that never ends
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // what Spark's cancel does to the task
                    }
                    throw new IllegalStateException("cancelled");
                })) {
            TrialPiece piece = tasks.run(spec(), null, 1).get(60, TimeUnit.SECONDS);
            assertEquals(TrialStatus.TIMEOUT, piece.result().status());
            assertTrue(piece.result().error().startsWith("cancelled by the driver 1 s past trial.timeout (PT1S)"),
                    piece.result().error());
            assertFalse(piece.retryable(), "a trial that hangs would hang again: journaled as timed out");
        } finally {
            jsc.stop();
        }
    }

    @Test
    void aJobSparkGivesUpOnIsAFailedPieceThatAResumeRunsAgain() throws Exception {
        JavaSparkContext jsc = context();
        try (TrialTasks tasks = new TrialTasks(jsc, jsc.broadcast(data()), 1, Duration.ZERO, java.util.Set.of(),
                (spec, data, from, until, threads, timeout) -> {
                    throw new IllegalStateException("executor lost");
                })) {
            TrialPiece piece = tasks.run(spec(), null, 1).get(60, TimeUnit.SECONDS);
            assertEquals(TrialStatus.FAILED, piece.result().status());
            assertTrue(piece.result().error().startsWith("Spark gave up on the task: ")
                    && piece.result().error().contains("executor lost"), piece.result().error());
            assertTrue(piece.retryable(), "infrastructure, not the trial: not journaled");
        } finally {
            jsc.stop();
        }
    }

    private static TrainingData data() {
        ImageSet images = TestData.strokeImages(4, 8, 8);
        return TrainingData.trainingOnly(images, images);
    }

    private static TrialSpec spec() {
        return TrialSpec.of(0, 1, Hyperparameters.referenceBaseline());
    }

    private static JavaSparkContext context() {
        return new JavaSparkContext(new SparkConf().setMaster("local[1]").setAppName("warm-up")
                .set("spark.ui.enabled", "false"));
    }
}
