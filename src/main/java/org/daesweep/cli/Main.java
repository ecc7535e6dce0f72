package org.daesweep.cli;

import org.daesweep.runtime.NativeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point for {@code spark-submit dae-sweep.jar <command>} and for the embedded local run.
 * A user mistake ({@link org.daesweep.UserException}) ends in one line on stderr and exit code 2;
 * a sweep that found nothing to keep ({@link org.daesweep.SweepFailedException}) in one line and 1.
 */
@Command(name = "dae-sweep", mixinStandardHelpOptions = true, version = "dae-sweep 0.1.0",
        description = "Distributed hyperparameter search for convolutional denoising autoencoders.",
        subcommands = {SweepCommand.class, DenoiseCommand.class, SqlCommand.class, ReportCommand.class, InspectCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    /** The same code picocli returns for a bad command line: a usage, configuration or input error. */
    public static final int USER_ERROR = CommandLine.ExitCode.USAGE;
    /** The run ended short of what it was asked: no trial ended ok or the best could not be retrained; denoise skipped inputs. */
    public static final int INCOMPLETE = 1;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        NativeRuntime.prepare();
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new UserErrorHandler())
                .setParameterExceptionHandler(Main::usageError);
    }

    /** A command line picocli cannot parse: one line, and where the options are listed. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("dae-sweep: error: " + e.getMessage() + " ('"
                + command.getCommandSpec().qualifiedName() + " --help' lists the options)");
        return USER_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required, e.g. 'sweep --conf FILE'");
    }
}
