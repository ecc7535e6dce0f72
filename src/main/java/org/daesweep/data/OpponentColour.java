package org.daesweep.data;

/**
 * Colour as the mean of red, green and blue and two opponent differences (red against blue,
 * green against both), each scaled and offset into [0, 1] for colours in [0, 1], and back. The
 * structure of a photograph lies mostly in the first plane, with white noise reduced by sqrt(3);
 * the two differences are smooth. A grayscale denoiser given these planes sees less noise than in
 * red, green and blue, and its errors do not tint the image as errors of one colour plane do.
 */
public final class OpponentColour {
    private OpponentColour() {
    }

    /** Red, green, blue to mean, (r - b) / 2 + 1/2, (r - 2g + b) / 4 + 1/2; gray stays as it is. */
    public static Picture forward(Picture p) {
        if (!p.isColour()) {
            return p;
        }
        float[] r = p.planes()[0];
        float[] g = p.planes()[1];
        float[] b = p.planes()[2];
        float[][] out = new float[3][r.length];
        for (int i = 0; i < r.length; i++) {
            out[0][i] = (r[i] + g[i] + b[i]) / 3f;
            out[1][i] = (r[i] - b[i]) / 2f + 0.5f;
            out[2][i] = (r[i] - 2f * g[i] + b[i]) / 4f + 0.5f;
        }
        return p.withPlanes(out);
    }

    /** The inverse of {@link #forward}. */
    public static Picture inverse(Picture p) {
        if (!p.isColour()) {
            return p;
        }
        float[][] in = p.planes();
        float[][] out = new float[3][in[0].length];
        for (int i = 0; i < in[0].length; i++) {
            float sum = 3f * in[0][i];
            float redBlue = 2f * (in[1][i] - 0.5f);
            float greenAgainst = 4f * (in[2][i] - 0.5f);
            float g = (sum - greenAgainst) / 3f;
            out[0][i] = (sum - g + redBlue) / 2f;
            out[1][i] = g;
            out[2][i] = (sum - g - redBlue) / 2f;
        }
        return p.withPlanes(out);
    }
}
