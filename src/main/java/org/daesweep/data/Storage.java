package org.daesweep.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.daesweep.UserException;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every path a user gives ({@code file:}, {@code hdfs://}, {@code s3a://} or plain) is read and
 * written here, through Hadoop's FileSystem API, so that a driver in a cluster's deploy mode and
 * the executors reach the same files. Problems a user can fix become one-line
 * {@link UserException}s naming the location.
 */
public final class Storage {
    private final Configuration hadoop;

    public Storage(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Hadoop's defaults plus whatever core-site.xml / hdfs-site.xml the classpath holds. */
    public static Storage standalone() {
        return new Storage(new Configuration());
    }

    /** This storage with more Hadoop settings (an endpoint, path-style access), the rest unchanged. */
    public Storage with(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return this;
        }
        Configuration more = new Configuration(hadoop);
        settings.forEach(more::set);
        return new Storage(more);
    }

    public Configuration hadoop() {
        return hadoop;
    }

    /** The location as the user wrote it (so messages name it so); relative paths are the working directory's. */
    public Path path(String location) {
        if (location == null || location.isBlank()) {
            throw new UserException("'" + (location == null ? "" : location) + "': an empty path; give a file or "
                    + "directory");
        }
        try {
            return new Path(location);
        } catch (IllegalArgumentException e) {
            throw new UserException(location + ": not a valid path (" + e.getMessage() + ")");
        }
    }

    /** The location with its file system and, for a relative path, this JVM's working directory: what travels to tasks. */
    public Path qualified(String location) {
        Path p = path(location);
        return fs(p).makeQualified(p);
    }

    public FileSystem fs(Path path) {
        try {
            return path.getFileSystem(hadoop);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw FileSystemProblem.of(path, e);
        }
    }

    /**
     * Fails in one line, before any work and within seconds, when the store a path lives
     * on cannot be used: no connector for its scheme, an endpoint that does not answer, credentials
     * it refuses. The path itself need not exist yet.
     */
    public void requireReachable(Path path) {
        FileSystem fs = fs(path);
        if (fs instanceof LocalFileSystem) {
            return;
        }
        Configuration probe = new Configuration(hadoop);
        PROBE_SETTINGS.forEach(probe::set);
        // A fresh instance, not the cached one: the bounded retries are for this probe alone.
        try (FileSystem once = FileSystem.newInstance(fs.makeQualified(path).toUri(), probe)) {
            once.exists(path);
        } catch (IOException | RuntimeException e) {
            throw new UserException(path + ": cannot reach its store (" + UserException.firstLine(e) + ")", e);
        }
    }

    /** Few, short retries: a probe says "unreachable" in seconds where a sweep's own reads retry for minutes. */
    private static final Map<String, String> PROBE_SETTINGS = Map.of(
            "fs.s3a.attempts.maximum", "0",
            "fs.s3a.retry.limit", "1",
            "fs.s3a.retry.interval", "200ms",
            "fs.s3a.connection.establish.timeout", "5000",
            "fs.s3a.connection.timeout", "5000",
            "ipc.client.connect.max.retries", "1",
            "ipc.client.connect.max.retries.on.timeouts", "1",
            "ipc.client.connect.timeout", "5000",
            "ipc.client.rpc-timeout.ms", "5000");

    public boolean exists(Path path) {
        try {
            return fs(path).exists(path);
        } catch (IOException e) {
            throw unreachable(path, e);
        }
    }

    public boolean isDirectory(Path path) {
        try {
            return fs(path).getFileStatus(path).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw unreachable(path, e);
        }
    }

    public InputStream open(Path path) {
        try {
            return fs(path).open(path);
        } catch (FileNotFoundException e) {
            throw new UserException(path + ": no such file");
        } catch (IOException e) {
            throw unreachable(path, e);
        }
    }

    /** A stream positioned at {@code offset}; seeks where the file system can. */
    public FSDataInputStream openAt(Path path, long offset) {
        try {
            FSDataInputStream in = fs(path).open(path);
            in.seek(offset);
            return in;
        } catch (FileNotFoundException e) {
            throw new UserException(path + ": no such file");
        } catch (IOException e) {
            throw unreachable(path, e);
        }
    }

    public byte[] readAll(Path path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreachable(path, e);
        }
    }

    public long length(Path path) {
        try {
            return fs(path).getFileStatus(path).getLen();
        } catch (IOException e) {
            throw unreachable(path, e);
        }
    }

    /** Regular files below a directory, at any depth, sorted by path; hidden ones (., _) left out. */
    public List<Path> filesBelow(Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            // Listed files come back qualified: a relative directory (data/my-images) must be too.
            Path root = fs(dir).makeQualified(dir);
            RemoteIterator<LocatedFileStatus> it = fs(dir).listFiles(root, true);
            while (it.hasNext()) {
                Path p = it.next().getPath();
                if (!hidden(root, p)) {
                    files.add(p);
                }
            }
        } catch (FileNotFoundException e) {
            throw new UserException(dir + ": no such directory");
        } catch (IOException e) {
            throw unreachable(dir, e);
        }
        files.sort(null);
        return files;
    }

    /** The entries directly in a directory (none when it does not exist). */
    public FileStatus[] list(Path dir) {
        try {
            return fs(dir).exists(dir) ? fs(dir).listStatus(dir) : new FileStatus[0];
        } catch (IOException e) {
            throw unreachable(dir, e);
        }
    }

    /** {@code file} relative to {@code dir}, with '/' between names. */
    public static String relative(Path dir, Path file) {
        String base = dir.toUri().getPath();
        String full = file.toUri().getPath();
        String prefix = base.endsWith("/") ? base : base + "/";
        if (!full.startsWith(prefix)) {
            throw new IllegalArgumentException(file + " is not below " + dir);
        }
        return full.substring(prefix.length());
    }

    /** A file starting with '.' or '_' at any level below {@code dir} (Hadoop's and Spark's own files, .crc). */
    private static boolean hidden(Path dir, Path file) {
        for (String part : relative(dir, file).split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** Writes a file whole or not at all: into a hidden temporary beside it, then renamed into place. */
    public void writeAtomically(Path target, Writer writer) {
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        FileSystem fs = fs(target);
        if (fs instanceof LocalFileSystem local) {
            writeLocally(local.pathToFile(target).toPath(), local.pathToFile(tmp).toPath(), writer);
            return;
        }
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, false)) {
                writer.write(out);
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename " + tmp + " -> " + target + " failed");
            }
        } catch (IOException e) {
            deleteQuietly(fs, tmp);
            throw new UserException(target + ": cannot write (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(fs, tmp);
            throw e;
        }
    }

    /**
     * Hadoop's local file system writes a .crc beside every file and, without Hadoop's native
     * library, starts a chmod process for each: a folder of PNGs would cost a process per image.
     */
    private static void writeLocally(java.nio.file.Path target, java.nio.file.Path tmp, Writer writer) {
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW))) {
                writer.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that failure is the one to report
            }
            throw new UserException(target + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    public void delete(Path path) {
        try {
            fs(path).delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    public void mkdirs(Path dir) {
        try {
            if (!fs(dir).mkdirs(dir)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot create the directory (" + e.getMessage() + ")");
        }
    }

    /**
     * Fails in one line, before any work, when files cannot be created in {@code dir} (made if
     * missing): a read-only place, a full or refusing store.
     */
    public void requireWritable(Path dir, String what) {
        Path probe = new Path(dir, ".dae-sweep-probe-" + UUID.randomUUID());
        try {
            FileSystem fs = fs(dir);
            if (!fs.mkdirs(dir)) {
                throw new IOException("cannot create the directory");
            }
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new UserException(what + ": cannot write in " + dir + " (" + UserException.firstLine(e) + ")");
        }
    }

    private static void deleteQuietly(FileSystem fs, Path path) {
        try {
            fs.delete(path, false);
        } catch (IOException ignored) {
            // the write already failed; that failure is the one to report
        }
    }

    private static UserException unreachable(Path path, IOException e) {
        return new UserException(path + ": cannot read (" + e.getMessage() + ")", e);
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
