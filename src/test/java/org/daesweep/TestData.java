package org.daesweep;

import org.daesweep.data.ImageSet;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small synthetic image sets and IDX files for tests: no dataset is needed to run the suite. */
public final class TestData {
    private TestData() {
    }

    /** IDX bytes: magic 0x803, then count, height, width, then the pixels. */
    public static byte[] idx(int magic, int count, int height, int width, byte[] pixels) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(height);
            out.writeInt(width);
            out.write(pixels);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /**
     * Digit-like images: a bright random stroke (a thick line between two random points) on black,
     * so a denoiser has real structure to learn.
     */
    public static byte[] strokes(int count, int height, int width, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * height * width];
        for (int n = 0; n < count; n++) {
            double x0 = random.nextDouble() * width, y0 = random.nextDouble() * height;
            double x1 = random.nextDouble() * width, y1 = random.nextDouble() * height;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double d = distanceToSegment(x, y, x0, y0, x1, y1);
                    double v = Math.max(0, 1 - d / 2.0);
                    pixels[n * height * width + y * width + x] = (byte) Math.round(v * 255);
                }
            }
        }
        return pixels;
    }

    public static Path strokesIdx(Path file, int count, int height, int width) throws IOException {
        return write(file, idx(0x803, count, height, width, strokes(count, height, width, 7)), true);
    }

    /**
     * A short sweep's file, {@code dir/sweep.conf}, over 600 stroke images of 16x16 written beside
     * it: 2 trials whose 3 epochs train (not collapse) in seconds, a 1-epoch retrain, no robustness
     * noises; {@code more} adds or overrides keys.
     */
    public static Path smallSweep(Path dir, String name, String outputDir, String more) throws IOException {
        Path images = strokesIdx(dir.resolve("images.idx.gz"), 600, 16, 16);
        return Files.writeString(dir.resolve("sweep.conf"), smallSweepText(name, images.toString(), outputDir, more));
    }

    /** The text of {@link #smallSweep} on images that are already somewhere (HDFS, say). */
    public static String smallSweepText(String name, String images, String outputDir, String more) {
        return """
                sweep.name = %s
                data.images = "%s"
                output.dir = "%s"
                noise.factor = 0.3
                trial { epochs = 3, batch-size = 16, loss = bce, learning-rate = 3e-3 }
                search { trials = 2, space { filters = [4, 8] } }
                retrain { epochs = 1, batch-size = 32 }
                evaluate.robustness = []
                %s
                """.formatted(name, images, outputDir, more);
    }

    public static ImageSet strokeImages(int count, int height, int width) {
        byte[] raw = strokes(count, height, width, 7);
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        return new ImageSet(pixels, count, height, width);
    }

    private static double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len));
        double cx = x0 + t * dx - px, cy = y0 + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
