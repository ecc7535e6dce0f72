package org.daesweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.daesweep.spark.SparkStorage;

/** The embedded Spark of the commands that only read or write a few tables: no UI, quiet, local. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** @param master local[1] for a few small files, local[*] for queries over many */
    static SparkSession start(String what, String master) {
        return start(what, master, new SparkConf());
    }

    /** One that writes a table at {@code output}, with the committer its store needs. */
    static SparkSession writing(String what, String output) {
        return start(what, "local[1]", SparkStorage.committingTo(new SparkConf(), output));
    }

    private static SparkSession start(String what, String master, SparkConf conf) {
        return SparkSession.builder().config(conf).master(master).appName("dae-sweep " + what)
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                // the trials table's plan has more fields than Spark shows by default, and says so in a warning
                .config("spark.sql.debug.maxToStringFields", "1000").getOrCreate();
    }
}
