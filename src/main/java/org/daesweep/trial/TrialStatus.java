package org.daesweep.trial;

import java.util.Locale;

/**
 * How a trial ended. Only {@link #OK} trials compete for best. COLLAPSED: trained to an output
 * that ignores the input ({@link Collapse}); DIVERGED: the loss stopped being finite; TIMEOUT:
 * ran past trial.timeout; FAILED: threw (out of memory, a bug), with the message recorded.
 */
public enum TrialStatus {
    OK, COLLAPSED, DIVERGED, TIMEOUT, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
