package org.daesweep.data;

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

    /** Transform {@code t} of every image. */
    public static ImageSet apply(ImageSet images, int t) {
        return map(images, t, false);
    }

    /** Undoes {@link #apply} with the same {@code t}. */
    public static ImageSet invert(ImageSet images, int t) {
        return map(images, t, true);
    }

    private static ImageSet map(ImageSet images, int t, boolean inverse) {
        int h = images.height();
        int w = images.width();
        if (t < 0 || t >= count(h, w)) {
            throw new IllegalArgumentException("transform " + t + " of " + h + "x" + w + " images");
        }
        boolean flipX = (t & 1) != 0;
        boolean flipY = (t & 2) != 0;
        boolean transpose = (t & 4) != 0;
        float[] in = images.pixels();
        float[] out = new float[in.length];
        int size = h * w;
        for (int n = 0; n < images.count(); n++) {
            int base = n * size;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int source;
                    if (inverse) { // out(y,x) = in(flip(x), flip(y)) if transposed, else in(flip(y), flip(x))
                        int row = flipY ? h - 1 - y : y;
                        int col = flipX ? w - 1 - x : x;
                        source = transpose ? col * w + row : row * w + col;
                    } else { // flip, then transpose
                        int a = transpose ? x : y;
                        int b = transpose ? y : x;
                        source = (flipY ? h - 1 - a : a) * w + (flipX ? w - 1 - b : b);
                    }
                    out[base + y * w + x] = in[base + source];
                }
            }
        }
        return new ImageSet(out, images.count(), h, w);
    }
}
