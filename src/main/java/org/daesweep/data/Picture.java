package org.daesweep.data;

/**
 * One image as a user's file holds it: one or three colour planes with values in [0,1], an
 * optional alpha plane that denoising leaves alone, and the bits per sample it came with (8 or
 * 16), so that it goes back out as it came in.
 *
 * @param planes   gray (one plane) or red, green, blue; each row-major, height x width
 * @param alpha    the alpha plane, or null
 * @param bitDepth bits per sample of the source: 8 or 16 (integers scaled to [0,1]), or 32 (floats
 *                 taken as they are, which may lie outside [0,1]: unclipped noise)
 */
public record Picture(int height, int width, float[][] planes, float[] alpha, int bitDepth) {
    public Picture {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad picture size " + height + "x" + width);
        }
        if (planes.length != 1 && planes.length != 3) {
            throw new IllegalArgumentException("a picture has 1 or 3 colour planes, got " + planes.length);
        }
        for (float[] p : planes) {
            if (p.length != height * width) {
                throw new IllegalArgumentException("plane of " + p.length + " values for " + height + "x" + width);
            }
        }
        if (bitDepth != 8 && bitDepth != 16 && bitDepth != FLOAT) {
            throw new IllegalArgumentException("bit depth must be 8, 16 or 32 (float), got " + bitDepth);
        }
    }

    /** The bit depth of floating-point samples. */
    public static final int FLOAT = 32;

    public static Picture gray(float[] pixels, int height, int width) {
        return new Picture(height, width, new float[][]{pixels}, null, 8);
    }

    public boolean isColour() {
        return planes.length == 3;
    }

    /** The same picture with other colour planes (alpha and depth kept). */
    public Picture withPlanes(float[][] newPlanes) {
        return new Picture(height, width, newPlanes, alpha, bitDepth);
    }

    /** Luma as ITU-R BT.601 weighs it (what most image libraries call grayscale); gray stays as it is. */
    public float[] luma() {
        if (!isColour()) {
            return planes[0];
        }
        float[] out = new float[height * width];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (0.299 * planes[0][i] + 0.587 * planes[1][i] + 0.114 * planes[2][i]);
        }
        return out;
    }

    /** Luma centre-cropped, or padded by mirroring, to {@code h x w}. */
    public float[] lumaFitted(int h, int w) {
        return Mirror.window(luma(), height, width, (height - h) / 2, (width - w) / 2, h, w);
    }
}
