package org.daesweep.runtime;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What Spark would print around dae-sweep's own one-line errors: its ERROR log of a start it
 * refused (the cause is our line), and what its threads print while the JVM exits after a
 * signal (our line is the last). Spark 3.5 logs through log4j2; another binding is left alone.
 */
public final class SparkLogs {
    private static final String SPARK_CONTEXT = "org.apache.spark.SparkContext";

    private SparkLogs() {
    }

    /** Runs Spark's start with its context's own error log off; a refusal is reported by the caller instead. */
    public static <T> T whileStarting(Supplier<T> start) {
        Level before = level(SPARK_CONTEXT);
        if (before == null) {
            return start.get();
        }
        Configurator.setLevel(SPARK_CONTEXT, Level.OFF);
        try {
            return start.get();
        } finally {
            Configurator.setLevel(SPARK_CONTEXT, before);
        }
    }

    /** After the last line a dying JVM should show: nothing more on the console, logged or printed. */
    public static void silenceTheRest() {
        if (level(LogManager.ROOT_LOGGER_NAME) != null) {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
        }
        System.err.flush();
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    }

    /** A logger's level under log4j2's core, or null when another logging implementation is bound. */
    private static Level level(String logger) {
        try {
            return LogManager.getLogger(logger).getLevel();
        } catch (NoClassDefFoundError | ClassCastException e) {
            return null;
        }
    }
}
