package org.daesweep.training;

/**
 * Mean per-pixel losses on plain arrays, for validation. Computed here rather than by the
 * network's score so that the number means the same for every loss and every layer setup.
 */
public final class PixelLoss {
    private static final double EPS = 1e-7;

    private PixelLoss() {
    }

    /** Sum (not mean) of the named loss over the arrays; divide by the pixel count for the mean. */
    public static double sum(String loss, float[] predicted, float[] target) {
        double s = 0;
        switch (loss) {
            case "mse" -> {
                for (int i = 0; i < predicted.length; i++) {
                    double d = (double) predicted[i] - target[i];
                    s += d * d;
                }
            }
            case "l1" -> {
                for (int i = 0; i < predicted.length; i++) {
                    s += Math.abs((double) predicted[i] - target[i]);
                }
            }
            case "bce" -> {
                for (int i = 0; i < predicted.length; i++) {
                    double p = Math.min(1 - EPS, Math.max(EPS, predicted[i]));
                    s -= target[i] * Math.log(p) + (1 - target[i]) * Math.log(1 - p);
                }
            }
            default -> throw new IllegalArgumentException("unknown loss " + loss);
        }
        return s;
    }
}
