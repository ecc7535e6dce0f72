package org.daesweep;

/**
 * The sweep ran as configured but produced nothing to keep: no trial ended ok, or the best
 * could not be retrained. One line like a user's mistake, with its own exit code, so that a
 * scheduler can tell "fix the command" from "the search found nothing".
 */
public class SweepFailedException extends UserException {
    public SweepFailedException(String message) {
        super(message);
    }
}
