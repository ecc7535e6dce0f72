package org.daesweep.noise;

final class Pixels {
    private Pixels() {
    }

    static float clip(double v) {
        return (float) Math.min(1.0, Math.max(0.0, v));
    }
}
