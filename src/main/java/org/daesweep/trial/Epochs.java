package org.daesweep.trial;

import java.util.Locale;

/** Epochs as people read them: whole epochs without a decimal point, fractions to at most three places. */
public final class Epochs {
    private Epochs() {
    }

    public static String format(double epochs) {
        return epochs == Math.rint(epochs) ? String.valueOf((long) epochs)
                : String.format(Locale.ROOT, "%.3f", epochs).replaceAll("0+$", "");
    }
}
