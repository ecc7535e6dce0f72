package org.daesweep.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.daesweep.SweepFailedException;
import org.daesweep.UserException;
import org.daesweep.data.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.nio.file.FileAlreadyExistsException;

/**
 * A sweep's result directory, written through Hadoop's FileSystem so the same code writes to a
 * local path, hdfs:// or s3a://. Every file is written under a temporary name and renamed into
 * place, so a crash never leaves a half-written result that looks complete; a run's tables and
 * files become visible together ({@link Publication}).
 */
public final class ResultStore {
    private final Path root;
    private final FileSystem fs;

    public ResultStore(SparkSession spark, String dir) {
        this(spark.sparkContext().hadoopConfiguration(), dir);
    }

    /** Opens the directory for writing, creating it when it does not exist. */
    public ResultStore(Configuration hadoop, String dir) {
        this.root = new Path(dir);
        this.fs = new Storage(hadoop).fs(root);
        try {
            if (fs.exists(root) && fs.listStatus(root).length > 0 && !SweepDirectory.is(fs, root)) {
                throw new UserException(dir + ": exists and holds files dae-sweep did not write; "
                        + "choose another output.dir or sweep.name");
            }
            if (!fs.mkdirs(new Path(root, SweepDirectory.STAGING))) {
                throw new IOException("mkdirs failed");
            }
            Path marker = new Path(root, SweepDirectory.MARKER);
            if (!fs.exists(marker)) {
                create(marker, new byte[0]);
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot create the output directory (" + e.getMessage() + ")");
        }
        if (!canWrite()) {
            throw new UserException(dir + ": the output directory is not writable");
        }
    }

    private ResultStore(Path root, FileSystem fs) {
        this.root = root;
        this.fs = fs;
    }

    /** A sweep directory that exists, for reading; empty when there is none (or none of dae-sweep's) there. */
    public static Optional<ResultStore> existing(Configuration hadoop, String dir) {
        Path root = new Path(dir);
        FileSystem fs = new Storage(hadoop).fs(root);
        try {
            return SweepDirectory.is(fs, root) ? Optional.of(new ResultStore(root, fs)) : Optional.empty();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot read the sweep directory (" + UserException.firstLine(e) + ")");
        }
    }

    public String location() {
        return fs.makeQualified(root).toString();
    }

    public String path(String name) {
        return new Path(root, name).toString();
    }

    /** A set of tables and files to make visible together, staged first. */
    public Publication stage(SparkSession spark) {
        return new Publication(spark, this, new Path(new Path(root, SweepDirectory.STAGING), "run-" + UUID.randomUUID()));
    }

    /** Writes a table (Parquet, one file) where nothing is visible yet. */
    void writeTable(SparkSession spark, Path where, String name, StructType schema, List<Row> rows) {
        try {
            spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(where.toString());
        } catch (Exception e) { // SparkException is checked in Scala's eyes only
            throw cannotWrite(name, e);
        }
    }

    public void writeFile(String name, byte[] content) {
        Path tmp = new Path(new Path(root, SweepDirectory.STAGING), name + "-" + UUID.randomUUID());
        try {
            create(tmp, content);
            publish(tmp, new Path(root, name));
        } catch (IOException e) {
            throw cannotWrite(name, e);
        }
    }

    /** Writes a file where nothing is visible yet. */
    void writeFile(Path where, String name, byte[] content) {
        try {
            create(where, content);
        } catch (IOException e) {
            throw cannotWrite(name, e);
        }
    }

    /**
     * A store that fails (full, refusing, gone) ends the sweep in one line: what the journal
     * holds is whole, since every file is renamed into place only once written.
     */
    SweepFailedException cannotWrite(String name, Exception e) {
        return new SweepFailedException("cannot write " + fs.makeQualified(new Path(this.root, name)) + ": "
                + UserException.firstLine(UserException.rootCause(e)) + "; what was journaled is kept: run the same command again to resume");
    }

    /** Creates a file that does not exist yet, and its parent directories. */
    private void create(Path path, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            // Without Hadoop's native library, its local file system starts a chmod process for
            // every file it creates and for its .crc: two per journaled trial piece.
            java.nio.file.Path file = local.pathToFile(path).toPath();
            Files.createDirectories(file.getParent());
            Files.write(file, content, StandardOpenOption.CREATE_NEW);
        } else {
            try (FSDataOutputStream out = fs.create(path, false)) {
                out.write(content);
            }
        }
    }

    /**
     * Writes a file only if none of that name exists, atomically on the file system's side (an
     * exclusive create); false when one exists.
     */
    public boolean createIfAbsent(String name, byte[] content) {
        Path path = new Path(root, name);
        try {
            create(path, content);
            return true;
        } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    /** Whether a file or table of this name has been written. */
    public boolean exists(String name) {
        try {
            return fs.exists(new Path(root, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + new Path(root, name), e);
        }
    }

    /** The content of a file written earlier, or empty if there is none. */
    public Optional<byte[]> readFile(String name) {
        Path path = new Path(root, name);
        try {
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(path)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Names of the files in a subdirectory, without Hadoop's hidden ones (.crc, _SUCCESS); empty if none. */
    public List<String> list(String dir) {
        Path path = new Path(root, dir);
        try {
            if (!fs.exists(path)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(path)).map(f -> f.getPath().getName())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Deletes a file or directory this tool wrote (a start-over). */
    public void delete(String name) {
        try {
            fs.delete(new Path(root, name), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + new Path(root, name), e);
        }
    }

    /**
     * What only the directory's owner may do (under {@link SweepLock}): finishes a publication an
     * earlier run was stopped in the middle of, and removes what stopped runs left staged.
     */
    public void recover() {
        Publication.completeInterrupted(this);
        clearStaging();
    }

    /**
     * Removes the staging area: nothing there is visible or needed once the owner's results are in
     * place. Kept while a publication is under way, which needs what it staged.
     */
    public void clearStaging() {
        try {
            if (!fs.exists(new Path(root, SweepDirectory.MANIFEST))) {
                fs.delete(new Path(root, SweepDirectory.STAGING), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    FileSystem fileSystem() {
        return fs;
    }

    /** Moves a written file or table into place, replacing what was there. */
    void publish(Path tmp, Path target) throws IOException {
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        fs.mkdirs(target.getParent());
        if (!fs.rename(tmp, target)) {
            throw new IOException("rename " + tmp + " -> " + target + " failed");
        }
    }

    private boolean canWrite() {
        Path probe = new Path(new Path(root, SweepDirectory.STAGING), "probe-" + UUID.randomUUID());
        try {
            create(probe, new byte[0]);
            fs.delete(probe, false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
