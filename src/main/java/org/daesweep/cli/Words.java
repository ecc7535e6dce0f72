package org.daesweep.cli;

import java.util.Locale;

/** Counts and rates as a person writes them: "1 image", "8 images", "0.46 images/s". */
final class Words {
    private Words() {
    }

    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** Whole numbers from 10 up; two significant digits below, so a slow rate is not printed as 0. */
    static String rate(double perSecond, String things) {
        String figure = perSecond >= 10 || perSecond == 0 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.2g", perSecond);
        return figure + " " + things + "/s";
    }
}
