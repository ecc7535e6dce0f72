package org.daesweep.runtime;

import java.io.PrintStream;

/**
 * Drops the line SameDiff M2.1 prints to standard output for every op it differentiates
 * ("Added differentiated op ..."): some 30 lines per trial, printed with {@code println} rather
 * than logged, that buried a sweep's progress lines. Everything else passes unchanged.
 */
final class SameDiffChatter extends PrintStream {
    static final String PREFIX = "Added differentiated op";

    SameDiffChatter(PrintStream out) {
        super(out, true);
    }

    /** Wraps standard output once per JVM. */
    static synchronized void silence() {
        if (!(System.out instanceof SameDiffChatter)) {
            System.setOut(new SameDiffChatter(System.out));
        }
    }

    @Override
    public void println(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            super.println(line);
        }
    }
}
