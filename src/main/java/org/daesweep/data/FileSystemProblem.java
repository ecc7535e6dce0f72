package org.daesweep.data;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.daesweep.UserException;

/**
 * Why Hadoop could not give a file system for a path, as one line a user can act on: a scheme no
 * connector serves (a typo, or a store with no connector here), or a connector whose classes are
 * missing, naming what to add.
 */
final class FileSystemProblem {
    /** The S3 connector as Spark packages it, matched to the Hadoop Spark 3.5 ships. */
    static final String S3A_PACKAGE = "org.apache.spark:spark-hadoop-cloud_2.12:3.5.7";

    private FileSystemProblem() {
    }

    static UserException of(Path path, Throwable failure) {
        String scheme = path.toUri().getScheme();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedFileSystemException) {
                return new UserException(path + ": no file system serves the scheme '" + scheme + "' here; give a local "
                        + "path, file:, hdfs:// or s3a://, or add the connector for '" + scheme + "' to the classpath");
            }
            if (c instanceof ClassNotFoundException || c instanceof NoClassDefFoundError) {
                return new UserException(path + ": the connector for '" + scheme + "' is not on the classpath ("
                        + UserException.firstLine(c) + "); " + remedy(scheme));
            }
        }
        return new UserException(path + ": no file system for it (" + UserException.firstLine(failure) + ")", failure);
    }

    private static String remedy(String scheme) {
        return "s3a".equals(scheme)
                ? "spark-submit needs --packages " + S3A_PACKAGE + " or your cluster's hadoop-aws; scripts/run-local.sh "
                        + "has it (docs/CLUSTER.md)"
                : "add the jar that serves it to spark-submit's --jars or --packages";
    }
}
