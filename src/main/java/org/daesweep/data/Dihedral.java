package org.daesweep.data;

import java.util.Arrays;
import java.util.Random;

/**
 * The flips and quarter turns of images: eight for square images, the four flips for others
 * (a quarter turn would change their shape). Transform {@code t} flips left-right when bit 0 is
 * set, up-down when bit 1 is, then transposes when bit 2 is.
 */
public final class Dihedral {
    private Dihedral() {
    }

    /** How many transforms images of this size have. */
    public static int count(int height, int width) {
        return height == width ? 8 : 4;
    }

    /** Transform {@code t} of every image: flip, then transpose. */
    public static ImageSet apply(ImageSet images, int t) {
        int[] each = new int[images.count()];
        Arrays.fill(each, t);
        return applyEach(images, each);
    }

    /** Transform {@code transforms[n]} of image {@code n}, e.g. to show training a new pose of each image. */
    public static ImageSet applyEach(ImageSet images, int[] transforms) {
        int h = images.height();
        int w = images.width();
        if (transforms.length != images.count()) {
            throw new IllegalArgumentException(transforms.length + " transforms for " + images.count() + " images");
        }
        float[] in = images.pixels();
        float[] out = new float[in.length];
        int size = h * w;
        for (int n = 0; n < images.count(); n++) {
            int t = transforms[n];
            if (t < 0 || t >= count(h, w)) {
                throw new IllegalArgumentException("transform " + t + " of " + h + "x" + w + " images");
            }
            boolean flipX = (t & 1) != 0;
            boolean flipY = (t & 2) != 0;
            boolean transpose = (t & 4) != 0;
            int base = n * size;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int a = transpose ? x : y;
                    int b = transpose ? y : x;
                    out[base + y * w + x] = in[base + (flipY ? h - 1 - a : a) * w + (flipX ? w - 1 - b : b)];
                }
            }
        }
        return new ImageSet(out, images.count(), h, w);
    }

    /** A transform drawn uniformly for each of {@code images}'s images. */
    public static int[] draw(ImageSet images, Random random) {
        int[] transforms = new int[images.count()];
        int choices = count(images.height(), images.width());
        for (int n = 0; n < transforms.length; n++) {
            transforms[n] = random.nextInt(choices);
        }
        return transforms;
    }

    /**
     * Undoes {@link #apply} with the same {@code t}. A flip is its own inverse; undoing a flip
     * and then a transpose is transposing, then the other axis's flip: the same transform with
     * the two flip bits swapped.
     */
    public static ImageSet invert(ImageSet images, int t) {
        boolean transposed = t >= 4 && t < 8;
        return apply(images, transposed ? 4 | (t & 1) << 1 | (t & 2) >> 1 : t);
    }
}
