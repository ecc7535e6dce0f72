package org.daesweep.data;

import org.apache.hadoop.fs.Path;
import org.daesweep.UserException;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import java.io.ByteArrayOutputStream;
import org.apache.hadoop.fs.Seekable;

/**
 * An IDX image file (magic 0x00000803: unsigned bytes, 3 dimensions), gzip-compressed or plain,
 * read a chunk of images at a time, so that a file of any length passes through bounded memory.
 * Pixels are divided by 255.
 */
public final class IdxFile implements Closeable {
    public static final int MAGIC_UBYTE_3D = 0x00000803;
    public static final int HEADER_BYTES = 16;
    private static final int BUFFER = 1 << 16;
    private static final int BLOCK = 1 << 24;

    private final Path path;
    private final DataInputStream in;
    private final int count;
    private final int height;
    private final int width;
    private int position;

    private IdxFile(Path path, DataInputStream in, int count, int height, int width) {
        this.path = path;
        this.in = in;
        this.count = count;
        this.height = height;
        this.width = width;
    }

    /** Opens the file and checks its header. */
    public static IdxFile open(Storage storage, Path path) {
        return openAt(storage, path, 0);
    }

    /**
     * Opens the file positioned at image {@code first}: a plain file seeks there, a gzip file is
     * decompressed up to it.
     */
    public static IdxFile openAt(Storage storage, Path path, int first) {
        if (storage.isDirectory(path)) {
            throw new UserException(path + ": is a directory, expected an IDX image file");
        }
        InputStream raw = storage.open(path);
        try {
            boolean gzip = isGzip(raw);
            DataInputStream in = new DataInputStream(gzip
                    ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER)
                    : new BufferedInputStream(raw, BUFFER));
            IdxFile file = header(path, in);
            if (first > 0) {
                long skip = (long) first * file.imageSize();
                if (!gzip && raw instanceof Seekable seekable) {
                    // the buffered stream has read ahead: drop it and seek the raw stream
                    seekable.seek(HEADER_BYTES + skip);
                    file = new IdxFile(path, new DataInputStream(new BufferedInputStream(raw, BUFFER)),
                            file.count, file.height, file.width);
                } else {
                    file.in.skipNBytes(skip);
                }
                file.position = first;
            }
            return file;
        } catch (ZipException | EOFException e) {
            closeQuietly(raw);
            throw new UserException(path + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            closeQuietly(raw);
            throw new UserException(path + ": cannot read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static IdxFile header(Path path, DataInputStream in) throws IOException {
        int magic = headerInt(in, path);
        if (magic != MAGIC_UBYTE_3D) {
            throw new UserException(path + ": not an IDX image file (magic 0x%08x, expected 0x%08x)"
                    .formatted(magic, MAGIC_UBYTE_3D));
        }
        int count = headerInt(in, path);
        int height = headerInt(in, path);
        int width = headerInt(in, path);
        if (count <= 0) {
            throw new UserException(path + ": holds no images (count " + count + ")");
        }
        if (height <= 0 || width <= 0) {
            throw new UserException(path + ": bad image size " + height + "x" + width);
        }
        if ((long) height * width > Integer.MAX_VALUE / 4) {
            throw new UserException(path + ": images of " + height + "x" + width + " are too large");
        }
        return new IdxFile(path, in, count, height, width);
    }

    /** Whether the stream starts with gzip's magic, whatever the file's name; the stream is not advanced. */
    private static boolean isGzip(InputStream raw) throws IOException {
        // Peek through a small buffer, then put the stream back: Hadoop's streams support seek, not mark.
        if (raw instanceof Seekable seekable) {
            int b1 = raw.read();
            int b2 = raw.read();
            seekable.seek(0);
            return b1 == 0x1f && b2 == 0x8b;
        }
        throw new IllegalStateException("Hadoop streams are seekable");
    }

    public int count() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int imageSize() {
        return height * width;
    }

    /** The next {@code n} images (fewer at the end of the file). */
    public ImageSet next(int n) {
        int take = Math.min(n, count - position);
        byte[] raw = readBytes((long) take * imageSize());
        position += take;
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        return new ImageSet(pixels, take, height, width);
    }

    /**
     * Exactly {@code length} bytes, read a block at a time: memory grows with what the file holds,
     * not with what a damaged header claims.
     */
    private byte[] readBytes(long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length, BLOCK));
        byte[] block = new byte[(int) Math.min(length, BLOCK)];
        try {
            for (long left = length; left > 0; ) {
                int read = in.readNBytes(block, 0, (int) Math.min(left, block.length));
                out.write(block, 0, read);
                left -= read;
                if (read == 0) {
                    long expected = (long) count * imageSize();
                    long got = (long) position * imageSize() + out.size();
                    throw new UserException(path + ": truncated: header says " + count + " images of "
                            + height + "x" + width + " (" + expected + " bytes) but only " + got + " bytes follow");
                }
            }
        } catch (ZipException | EOFException e) {
            throw new UserException(path + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserException(path + ": cannot read (" + e.getMessage() + ")");
        }
        return out.toByteArray();
    }

    private static int headerInt(DataInputStream in, Path path) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new UserException(path + ": too short for an IDX header (16 bytes)");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // reporting the read's failure instead
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
