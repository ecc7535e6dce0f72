package org.daesweep.data;

import org.daesweep.UserException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX image files (magic 0x00000803: unsigned bytes, 3 dimensions), gzip-compressed
 * or plain, of any count and any height x width. Pixels are divided by 255.
 */
public final class IdxImageReader implements ImageReader {
    static final int MAGIC_UBYTE_3D = 0x00000803;
    private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    @Override
    public ImageSet read(Path file) {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = readHeaderInt(in, file);
            if (magic != MAGIC_UBYTE_3D) {
                throw new UserException(file + ": not an IDX image file (magic 0x%08x, expected 0x%08x)"
                        .formatted(magic, MAGIC_UBYTE_3D));
            }
            int count = readHeaderInt(in, file);
            int height = readHeaderInt(in, file);
            int width = readHeaderInt(in, file);
            if (count <= 0) {
                throw new UserException(file + ": holds no images (count " + count + ")");
            }
            if (height <= 0 || width <= 0) {
                throw new UserException(file + ": bad image size " + height + "x" + width);
            }
            long total = (long) count * height * width;
            if (total > MAX_PIXELS) {
                throw new UserException(file + ": " + count + " images of " + height + "x" + width
                        + " are too many for one array");
            }
            byte[] raw = new byte[(int) total];
            int read = in.readNBytes(raw, 0, raw.length);
            if (read < raw.length) {
                throw new UserException(file + ": truncated: header says " + count + " images of "
                        + height + "x" + width + " (" + total + " bytes) but only " + read + " bytes follow");
            }
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xff) / 255f;
            }
            return new ImageSet(pixels, count, height, width);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (ZipException | EOFException e) {
            throw new UserException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static int readHeaderInt(DataInputStream in, Path file) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new UserException(file + ": too short for an IDX header (16 bytes)");
        }
    }

    /** Opens the file, unzipping it when it starts with the gzip magic, whatever its name. */
    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": is a directory, expected an IDX image file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }
}
