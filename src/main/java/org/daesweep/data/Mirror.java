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
}
