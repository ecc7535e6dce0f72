package org.daesweep.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** Writes images as an IDX image file, chunk by chunk: pixels in [0,1] rounded to bytes. */
public final class IdxWriter {
    private final GZIPOutputStream gzip;
    private final DataOutputStream out;

    /** Writes the header for {@code count} images of {@code height x width}; gzip-compressed when asked. */
    public IdxWriter(OutputStream target, boolean compress, int count, int height, int width) throws IOException {
        this.gzip = compress ? new GZIPOutputStream(target, 1 << 16) : null;
        this.out = new DataOutputStream(compress ? gzip : target);
        out.writeInt(IdxFile.MAGIC_UBYTE_3D);
        out.writeInt(count);
        out.writeInt(height);
        out.writeInt(width);
    }

    /** Images only, with no header: a part of a file that is joined later behind one. */
    public static IdxWriter headless(OutputStream target) {
        return new IdxWriter(target);
    }

    private IdxWriter(OutputStream target) {
        this.gzip = null;
        this.out = new DataOutputStream(target);
    }

    /** The stream behind the header (compressed, if asked): for copying parts written headless. */
    public OutputStream raw() {
        return out;
    }

    public void write(float[] pixels) throws IOException {
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) Math.round(Math.min(1f, Math.max(0f, pixels[i])) * 255);
        }
        out.write(bytes);
    }

    /** Ends the compressed stream, if any; the caller closes the target. */
    public void finish() throws IOException {
        out.flush();
        if (gzip != null) {
            gzip.finish();
        }
    }
}
