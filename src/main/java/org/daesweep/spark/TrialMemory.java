package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.network.util.JavaUtils;
import org.daesweep.runtime.NativeGarbage;

/**
 * The native memory one trial may use in this JVM, worked out where the trial runs. A
 * network's buffers live outside the Java heap, so what the trials of a JVM share is what its
 * container allows beyond the heap (spark.executor.memoryOverhead, when set: YARN and Kubernetes
 * kill an executor past it) or else the machine's memory less the heap; split evenly over the
 * task slots of the JVM, which all train at once.
 */
final class TrialMemory {
    private TrialMemory() {
    }

    /** Bytes for each of the JVM's concurrent trials. */
    static long perTrial() {
        return ofJvm() / slots();
    }

    /** Bytes for a task that runs alone on its JVM. */
    static long ofJvm() {
        SparkConf conf = SparkEnv.get().conf();
        if (!isLocal(conf) && conf.contains("spark.executor.memoryOverhead")) {
            return JavaUtils.byteStringAsBytes(withUnit(conf.get("spark.executor.memoryOverhead")));
        }
        return Math.max(0, NativeGarbage.physicalBytes() - Runtime.getRuntime().maxMemory());
    }

    /** Task slots of this JVM: the local master's threads, or an executor's cores, over task.cpus. */
    private static int slots() {
        SparkConf conf = SparkEnv.get().conf();
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        int cores = isLocal(conf) ? SparkContext.getOrCreate().defaultParallelism()
                : conf.getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
        return Math.max(1, cores / taskCpus);
    }

    private static boolean isLocal(SparkConf conf) {
        return SparkEnv.get().executorId().equals("driver") && conf.get("spark.master", "")
                .startsWith("local");
    }

    /** Spark reads a memory setting without a unit as mebibytes. */
    private static String withUnit(String setting) {
        return setting.trim().matches("\\d+") ? setting.trim() + "m" : setting;
    }
}
