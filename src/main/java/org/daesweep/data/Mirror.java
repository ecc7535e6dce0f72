package org.daesweep.data;

/** Reflect padding (numpy's and PyTorch's 'reflect': the edge pixel is not repeated), for any overhang. */
public final class Mirror {
    private Mirror() {
    }

    /** The source index of position {@code i} of a line of {@code n} pixels extended by reflection. */
    public static int index(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    /** An h x w plane extended to {@code ph x pw} by reflection at the bottom and right edges. */
    public static float[] pad(float[] plane, int h, int w, int ph, int pw) {
        return ph == h && pw == w ? plane : window(plane, h, w, 0, 0, ph, pw);
    }

    /**
     * The {@code wh x ww} window of an h x w plane whose top-left corner is at ({@code top},
     * {@code left}), anywhere: what lies outside the plane is its reflection.
     */
    public static float[] window(float[] plane, int h, int w, int top, int left, int wh, int ww) {
        float[] out = new float[wh * ww];
        for (int y = 0; y < wh; y++) {
            int sy = index(top + y, h) * w;
            for (int x = 0; x < ww; x++) {
                out[y * ww + x] = plane[sy + index(left + x, w)];
            }
        }
        return out;
    }

    /** The top-left h x w of a {@code ph x pw} plane. */
    public static float[] crop(float[] plane, int ph, int pw, int h, int w) {
        if (ph == h && pw == w) {
            return plane;
        }
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(plane, y * pw, out, y * w, w);
        }
        return out;
    }
}
