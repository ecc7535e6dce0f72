package org.daesweep.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
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

    /**
     * For output on s3a://, the committers Spark recommends for S3 (hadoop-cloud's binding to the
     * S3A magic committer): a task's files are uploaded unfinished and become visible whole at
     * job commit, with no rename (a copy on S3). Settings the user gave are kept; without
     * Spark's hadoop-cloud module on the classpath the default committer stays.
     */
    public static SparkConf committingTo(SparkConf conf, String outputLocation) {
        if (!"s3a".equals(new Path(outputLocation).toUri().getScheme()) || !onClasspath(CLOUD_COMMIT_PROTOCOL)) {
            return conf;
        }
        conf.setIfMissing("spark.sql.sources.commitProtocolClass", CLOUD_COMMIT_PROTOCOL);
        conf.setIfMissing("spark.sql.parquet.output.committer.class",
                "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
        conf.setIfMissing(PREFIX + "mapreduce.outputcommitter.factory.scheme.s3a",
                "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory");
        conf.setIfMissing(PREFIX + "fs.s3a.committer.name", "magic");
        conf.setIfMissing(PREFIX + "fs.s3a.committer.magic.enabled", "true");
        return conf;
    }

    private static final String CLOUD_COMMIT_PROTOCOL = "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol";

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, SparkStorage.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** spark-submit's settings, as its system properties carry them. */
    public static Storage fromSubmit() {
        return of(new SparkConf());
    }
}
