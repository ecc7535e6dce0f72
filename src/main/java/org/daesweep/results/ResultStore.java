package org.daesweep.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.daesweep.UserException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * A sweep's result directory, written through Hadoop's FileSystem so the same code writes to a
 * local path, hdfs:// or s3a://. Every table and file is written under a temporary name and
 * renamed into place, so a crash never leaves a half-written result that looks complete.
 */
public final class ResultStore {
    private static final String TMP = "_tmp";
    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public ResultStore(SparkSession spark, String dir) {
        this.spark = spark;
        this.root = new Path(dir);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try {
            this.fs = root.getFileSystem(hadoop);
            if (!fs.mkdirs(new Path(root, TMP))) {
                throw new IOException("mkdirs failed");
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot create the output directory (" + e.getMessage() + ")");
        }
        if (!canWrite()) {
            throw new UserException(dir + ": the output directory is not writable");
        }
    }

    public String location() {
        return fs.makeQualified(root).toString();
    }

    public String path(String name) {
        return new Path(root, name).toString();
    }

    public void writeTable(String name, StructType schema, List<Row> rows) {
        Path tmp = new Path(new Path(root, TMP), name + "-" + UUID.randomUUID());
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(tmp.toString());
        publish(tmp, new Path(root, name));
    }

    public void writeFile(String name, byte[] content) {
        Path tmp = new Path(new Path(root, TMP), name + "-" + UUID.randomUUID());
        try (FSDataOutputStream out = fs.create(tmp, false)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        publish(tmp, new Path(root, name));
    }

    /** Removes the temporary area once every result is in place. */
    public void close() {
        try {
            fs.delete(new Path(root, TMP), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish(Path tmp, Path target) {
        try {
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename " + tmp + " -> " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean canWrite() {
        Path probe = new Path(new Path(root, TMP), "probe-" + UUID.randomUUID());
        try {
            fs.create(probe, false).close();
            fs.delete(probe, false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
