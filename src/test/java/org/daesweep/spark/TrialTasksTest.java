package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static JavaSparkContext context() {
        return new JavaSparkContext(new SparkConf().setMaster("local[1]").setAppName("warm-up")
                .set("spark.ui.enabled", "false"));
    }
}
