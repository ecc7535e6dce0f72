package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;
import org.daesweep.runtime.SparkLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Starts Spark from the user's settings; what Spark refuses at its start is the user's to fix, in
 * one line. On a cluster, Spark's start returns before the master has answered: a master that
 * cannot be reached, or has no worker to give, would leave the first job waiting forever, so the
 * start waits for a first executor, for at most a given time.
 */
public final class SparkSessions {
    /** How long a cluster's first executor may take to join when the user did not say. */
    public static final Duration EXECUTOR_WAIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(SparkSessions.class);
    private static final long POLL_MILLIS = 200;

    private SparkSessions() {
    }

    /** @param executorWait how long a cluster's first executor may take, zero for no limit */
    public static SparkSession start(SparkConf conf, Duration executorWait) {
        SparkSession spark;
        String master = conf.get("spark.master", "?");
        if (!master.startsWith("local")) {
            // Spark's start waits for a standalone master's answer, up to a minute.
            log.info("connecting to Spark master {}", master);
        }
        try {
            spark = SparkLogs.whileStarting(() -> SparkSession.builder().config(conf).getOrCreate());
        } catch (Exception e) { // SparkException is checked in Scala's eyes only
            throw new UserException("spark (master " + master + ", task cpus "
                    + conf.get("spark.task.cpus", "1") + "): Spark refused to start: " + UserException.firstLineAndRoot(e), e);
        }
        if (!spark.sparkContext().isLocal()) {
            awaitExecutor(spark, executorWait);
        }
        return spark;
    }

    private static void awaitExecutor(SparkSession spark, Duration wait) {
        SparkContext sc = spark.sparkContext();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        while (sc.statusTracker().getExecutorInfos().length < 2) { // the driver is listed too
            if (sc.isStopped()) {
                throw new UserException("spark: master " + sc.master() + " gave no executor and Spark gave up on it: "
                        + "is the master's URL right and is it running?");
            }
            if (!wait.isZero() && System.nanoTime() > deadline) {
                spark.stop();
                throw new UserException("spark: no executor joined from master " + sc.master() + " within "
                        + wait.toSeconds() + " s: is a worker up with free cores and memory? (spark.executor-wait)");
            }
            if (!said) {
                log.info("waiting for an executor from {} (at most {})", sc.master(),
                        wait.isZero() ? "forever" : wait.toSeconds() + " s");
                said = true;
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark's executors", e);
        }
    }
}
