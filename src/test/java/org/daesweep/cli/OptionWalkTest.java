package org.daesweep.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.daesweep.Pictures;
import org.daesweep.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option and positional parameter of every command, taken from picocli's own model of the
 * commands, given each of a set of bad values while the rest of the command line is valid: the
 * command either accepts the value and ends normally, or ends with exit code 2 in one line of
 * ours. Nothing prints a stack frame: not on standard output or error, not in a logged event.
 */
class OptionWalkTest {
    /** Empty, negative, zero, not a number, past any int or long, a missing path, a place nothing can be written. */
    private static final List<String> BAD = List.of("", "-1", "0", "abc", "99999999999999999999",
            "/nonexistent/dae-sweep/x", "/proc/dae-sweep/x");
    private static final List<LogEvent> logged = new CopyOnWriteArrayList<>();
    private static AbstractAppender watcher;

    @TempDir
    static Path dir;
    private static Map<String, List<String>> bases;
    private static int runs;

    @BeforeAll
    static void validCommandLines() throws Exception {
        Path model = Pictures.modelFile(dir.resolve("model.zip"));
        Path conf = TestData.smallSweep(dir, "walk", dir.resolve("out").toString(), "spark.master = \"local[1]\"");
        Path images = dir.resolve("images.idx.gz");
        String sweep = dir.resolve("out/walk").toString();
        bases = new LinkedHashMap<>();
        bases.put("sweep", List.of("--conf", conf.toString()));
        bases.put("denoise", List.of("--model", model.toString(), "--input", images.toString(), "--output", "OUT"));
        bases.put("sql", List.of(sweep, "SELECT count(*) FROM trials"));
        bases.put("report", List.of(sweep));
        bases.put("inspect", List.of(sweep));
        bases.put("bench", List.of("--images", images.toString(), "--count", "32", "--epochs", "1", "--batch-size", "16",
                "--threads", "1"));
        watcher = new AbstractAppender("option-walk", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getThrown() != null || event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                    logged.add(event.toImmutable());
                }
            }
        };
        watcher.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(watcher, Level.WARN, null);
        context.updateLoggers();
        Result first = run(List.of("sweep", "--conf", conf.toString()));
        assertTrue(first.code == 0, "the sweep the walk reads: " + first.err + first.out);
    }

    @AfterAll
    static void stopWatching() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(watcher.getName());
        context.updateLoggers();
    }

    @Test
    void everyOptionOfEveryCommandTakesBadValuesInOneLineOfOurs() {
        List<String> failures = new ArrayList<>();
        CommandLine main = Main.commandLine();
        for (Map.Entry<String, List<String>> base : bases.entrySet()) {
            CommandLine command = main.getSubcommands().get(base.getKey());
            for (ArgSpec arg : command.getCommandSpec().args()) {
                if (arg.typeInfo().isBoolean() || arg.arity().max() == 0) {
                    continue;
                }
                for (String value : BAD) {
                    List<String> args = withValue(base.getKey(), base.getValue(), arg, value);
                    logged.clear();
                    Result r = run(args);
                    String problem = r.problem();
                    if (problem == null && !logged.isEmpty()) {
                        problem = "logged " + logged.get(0).getLevel() + " " + logged.get(0).getMessage().getFormattedMessage()
                                + (logged.get(0).getThrown() == null ? "" : " with " + logged.get(0).getThrown());
                    }
                    if (problem != null) {
                        failures.add(String.join(" ", args) + "\n    " + problem);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + runs + " command lines:\n" + String.join("\n", failures));
        assertTrue(runs > 150, "the walk ran " + runs + " command lines");
    }

    /** The base command line with one option's value (or one positional parameter) replaced by {@code value}. */
    private static List<String> withValue(String command, List<String> base, ArgSpec arg, String value) {
        List<String> args = new ArrayList<>();
        args.add(command);
        for (String a : base) {
            args.add(a.equals("OUT") ? dir.resolve("denoised-" + runs + ".idx").toString() : a);
        }
        if (arg instanceof OptionSpec option) {
            int at = args.indexOf(option.longestName());
            if (at >= 0) {
                args.set(at + 1, value);
            } else {
                args.add(option.longestName());
                args.add(value);
            }
        } else {
            // The bases give positional parameters only to the commands that take nothing else.
            int index = ((CommandLine.Model.PositionalParamSpec) arg).index().min();
            boolean positionalBase = base.stream().noneMatch(a -> a.startsWith("--"));
            if (positionalBase && index < base.size()) {
                args.set(1 + index, value);
            } else {
                args.add(value);
            }
        }
        return args;
    }

    private record Result(List<String> args, int code, String out, String err) {
        /** What is wrong with how the command ended, or null. */
        String problem() {
            String all = out + "\n" + err;
            if (all.contains("\tat ") || all.contains("Exception in thread") || all.contains("Caused by:")) {
                return "a stack frame was printed:\n" + String.join("\n", all.strip().lines().limit(4).toList());
            }
            if (code == 0) {
                return null;
            }
            if (code != 2) {
                return "exit code " + code + ": " + err;
            }
            if (!err.startsWith("dae-sweep: error: ") || err.contains("\n")) {
                return "not one line of ours: " + err;
            }
            return null;
        }
    }

    private static Result run(List<String> args) {
        runs++;
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(stderr, true));
        try {
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            int code = cli.execute(args.toArray(String[]::new));
            return new Result(args, code, out + stderr.toString(), err.toString().strip());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
