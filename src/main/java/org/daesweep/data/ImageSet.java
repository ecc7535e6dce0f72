package org.daesweep.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Grayscale images of one size, stored row-major in one float array with values in [0,1].
 * One flat array (not float[][]) because it is what Spark broadcasts and ND4J wraps cheaply.
 */
public record ImageSet(float[] pixels, int count, int height, int width) implements Serializable {

    public ImageSet {
        if (count < 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad image set shape " + count + "x" + height + "x" + width);
        }
        if ((long) count * height * width != pixels.length) {
            throw new IllegalArgumentException("pixel array of " + pixels.length + " floats does not hold "
                    + count + " images of " + height + "x" + width);
        }
    }

    public int imageSize() {
        return height * width;
    }

    /** The images at the given indices, in that order, as a new set. */
    public ImageSet select(int[] indices) {
        int size = imageSize();
        float[] out = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, out, i * size, size);
        }
        return new ImageSet(out, indices.length, height, width);
    }

    /** The first {@code n} images (all of them when n is 0 or larger than the count). */
    public ImageSet head(int n) {
        if (n <= 0 || n >= count) {
            return this;
        }
        return new ImageSet(Arrays.copyOf(pixels, n * imageSize()), n, height, width);
    }

    /** This set followed by another of the same image size. */
    public ImageSet concat(ImageSet other) {
        if (other.height != height || other.width != width) {
            throw new IllegalArgumentException("cannot join " + height + "x" + width + " and "
                    + other.height + "x" + other.width + " images");
        }
        float[] out = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, out, pixels.length, other.pixels.length);
        return new ImageSet(out, count + other.count, height, width);
    }

    /** Pixel values of one image, copied. */
    /** Every image centre-cropped or mirror-padded to {@code size}, as folder images are fitted. */
    public ImageSet fittedTo(ImageSize size) {
        if (size.height() == height && size.width() == width) {
            return this;
        }
        int fitted = size.height() * size.width();
        float[] out = new float[count * fitted];
        for (int i = 0; i < count; i++) {
            float[] plane = Picture.gray(image(i), height, width).lumaFitted(size.height(), size.width());
            System.arraycopy(plane, 0, out, i * fitted, fitted);
        }
        return new ImageSet(out, count, size.height(), size.width());
    }

    public float[] image(int index) {
        int size = imageSize();
        return Arrays.copyOfRange(pixels, index * size, (index + 1) * size);
    }
}
