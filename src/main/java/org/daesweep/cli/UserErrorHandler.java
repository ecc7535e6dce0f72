package org.daesweep.cli;

import org.daesweep.SweepFailedException;
import org.daesweep.UserException;
import org.daesweep.spark.Interruption;
import picocli.CommandLine;

/** Prints user mistakes and a sweep that found nothing as one line; anything else is a bug and keeps its stack trace. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (Interruption.signalled()) {
            return Main.USER_ERROR; // the JVM is exiting with the signal's code; its last line is said
        }
        UserException user = userCause(e);
        if (user == null) {
            throw e;
        }
        cmd.getErr().println("dae-sweep: error: " + user.getMessage());
        return user instanceof SweepFailedException ? Main.INCOMPLETE : Main.USER_ERROR;
    }

    /** Spark wraps exceptions thrown inside tasks; look through the causes for the user's mistake. */
    private static UserException userCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserException u) {
                return u;
            }
        }
        return null;
    }
}
