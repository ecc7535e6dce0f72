package org.daesweep;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

/**
 * The local disk under the scheme {@code faulty:///}, with faults a test arms: a file whose path
 * contains a given text fails once some bytes are written (a full disk), and a rename onto a
 * given name fails (a flaky store). Registered as Spark would register any file system, by
 * {@code spark.hadoop.fs.faulty.impl}.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "faulty";
    private static volatile String fullDiskFor;
    private static volatile long bytesBeforeFull;
    private static volatile String failingRenameTo;

    /** Files whose path contains {@code pathPart} fail after {@code bytes} bytes. */
    public static void fillDiskFor(String pathPart, long bytes) {
        fullDiskFor = pathPart;
        bytesBeforeFull = bytes;
    }

    /** A rename whose target is named {@code name} fails. */
    public static void failRenameTo(String name) {
        failingRenameTo = name;
    }

    public static void repair() {
        fullDiskFor = null;
        failingRenameTo = null;
    }

    /** Makes Spark's and Hadoop's configurations, built from system properties, know the scheme. */
    public static void register() {
        System.setProperty("spark.hadoop.fs." + SCHEME + ".impl", FaultyFileSystem.class.getName());
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    protected OutputStream createOutputStream(Path f, boolean append) throws IOException {
        return limited(f, super.createOutputStream(f, append));
    }

    @Override
    protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
            throws IOException {
        return limited(f, super.createOutputStreamWithMode(f, append, permission));
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if (dst.getName().equals(failingRenameTo)) {
            throw new IOException("rename refused by the store (injected)");
        }
        return super.rename(src, dst);
    }

    private static OutputStream limited(Path f, OutputStream out) {
        String part = fullDiskFor;
        if (part == null || !f.toString().contains(part)) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long left = bytesBeforeFull;

            @Override
            public void write(int b) throws IOException {
                if (left-- <= 0) {
                    throw new IOException("No space left on device (injected)");
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        };
    }
}
