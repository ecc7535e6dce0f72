package org.daesweep;

/**
 * A problem the user can fix (bad file, bad key, bad value). The CLI prints its message
 * as one line with no stack trace; everything else is a bug and keeps its trace. A line break
 * inside the message (a quoted piece of a user's file, say) is written as \n, so it stays one line.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(oneLine(message));
    }

    public UserException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? null : message.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The first line of a library's message, for a one-line error (Spark's and Jackson's span several). */
    public static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage()).strip();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * The first line of a library's message and, when it wraps another, of the innermost cause:
     * Spark's "External scheduler cannot be instantiated" says nothing of the class it missed.
     */
    public static String firstLineAndRoot(Throwable t) {
        Throwable root = rootCause(t);
        String first = firstLine(t);
        return root == t ? first : first + " (" + root.getClass().getSimpleName() + ": " + firstLine(root) + ")";
    }

    /** The innermost cause of {@code t}, or {@code t} itself when it wraps nothing. */
    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
