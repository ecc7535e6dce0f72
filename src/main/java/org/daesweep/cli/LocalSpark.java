package org.daesweep.cli;

import org.apache.spark.sql.SparkSession;

/** The embedded Spark of the commands that only read or write a few tables: no UI, quiet, local. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** @param master local[1] for a few small files, local[*] for queries over many */
    static SparkSession start(String what, String master) {
        return SparkSession.builder().master(master).appName("dae-sweep " + what)
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                // the trials table's plan has more fields than Spark shows by default, and says so in a warning
                .config("spark.sql.debug.maxToStringFields", "1000").getOrCreate();
    }
}
