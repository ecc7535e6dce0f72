package org.daesweep.spark;

import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrialTasksTest {
    @Test
    void theWarmUpRunsOneJobOfOneTaskAndItsFutureEndsWithIt() throws Exception {
        JavaSparkContext jsc = context();
        try {
            TrialTasks.warmUp(jsc).get(60, TimeUnit.SECONDS);
            // The status tracker hears of the job's end from Spark's listener bus, a little later.
            long deadline = System.nanoTime() + 60_000_000_000L;
            List<SparkJobInfo> jobs = List.of();
            while (System.nanoTime() < deadline && (jobs.isEmpty()
                    || jobs.get(0).status() != JobExecutionStatus.SUCCEEDED)) {
                Thread.sleep(20);
                jobs = Arrays.stream(jsc.statusTracker().getJobIdsForGroup(null))
                        .mapToObj(id -> jsc.statusTracker().getJobInfo(id)).toList();
            }
            assertEquals(1, jobs.size());
            assertEquals(JobExecutionStatus.SUCCEEDED, jobs.get(0).status());
            assertEquals(1, jsc.statusTracker().getStageInfo(jobs.get(0).stageIds()[0]).numTasks());
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
