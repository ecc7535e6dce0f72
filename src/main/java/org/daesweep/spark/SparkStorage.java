package org.daesweep.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.daesweep.data.Storage;
import scala.Tuple2;

/**
 * The Hadoop configuration a Spark application sees, before its context exists: Hadoop's files
 * on the classpath plus every {@code spark.hadoop.*} setting (credentials for s3a://, an HDFS
 * name node), as Spark documents them.
 */
public final class SparkStorage {
    private static final String PREFIX = "spark.hadoop.";

    private SparkStorage() {
    }

    public static Storage of(SparkConf conf) {
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> e : conf.getAll()) {
            if (e._1().startsWith(PREFIX)) {
                hadoop.set(e._1().substring(PREFIX.length()), e._2());
            }
        }
        return new Storage(hadoop);
    }

    /** spark-submit's settings, as its system properties carry them. */
    public static Storage fromSubmit() {
        return of(new SparkConf());
    }
}
