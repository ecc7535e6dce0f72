package org.daesweep.training;

/** How a trial ended. Only {@link #OK} trials compete for best. */
public enum TrialStatus {
    OK, DIVERGED, FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
