package org.daesweep.trial;

import java.util.Locale;

/**
 * Where a trial stands in the search, beside how its last piece ended ({@link TrialStatus}):
 * trained to the full budget, waiting at a rung for the scheduler's decision, left at a rung
 * when the search ended, or stopped by its status.
 */
public enum TrialStage {
    /** Trained to the last rung (the full budget). */
    COMPLETED,
    /** Ended its piece well at an earlier rung while the search runs: it may still be promoted. */
    PAUSED,
    /** Ended well at an earlier rung and the search is over: the scheduler did not promote it. */
    PRUNED,
    /** Its last piece ended other than ok: collapsed, diverged, timed out or failed. */
    STOPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
