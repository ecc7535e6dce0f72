package org.daesweep;

/**
 * A problem the user can fix (bad file, bad key, bad value). The CLI prints its message
 * as one line with no stack trace; everything else is a bug and keeps its trace.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
