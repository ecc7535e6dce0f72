package org.daesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;

/** Starts Spark from the user's settings; what Spark refuses at its start is the user's to fix, in one line. */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession start(SparkConf conf) {
        try {
            return SparkSession.builder().config(conf).getOrCreate();
        } catch (Exception e) { // SparkException is checked in Scala's eyes only
            throw new UserException("spark (master " + conf.get("spark.master", "?") + ", task cpus "
                    + conf.get("spark.task.cpus", "1") + "): Spark refused to start: " + UserException.firstLine(e), e);
        }
    }
}
