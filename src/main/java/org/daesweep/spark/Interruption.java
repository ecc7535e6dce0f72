package org.daesweep.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.daesweep.runtime.SparkLogs;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a sweep: the running trials' jobs are cancelled, every piece
 * that already ended is in the journal (each is written as it ends), and the last line says how
 * to resume. Exit code 130 for Ctrl-C, 3 for SIGTERM: either way the sweep is resumable.
 */
public final class Interruption implements AutoCloseable {
    static final int CTRL_C = 130;
    static final int TERMINATED = 3;
    /** Set once a signal ended the sweep: what the cancelled jobs then throw is expected, not a bug to print. */
    private static final AtomicBoolean signalled = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    private Interruption() {
    }

    /** @param release what the sweep holds that a later run must find free (its directory's lock) */
    static Interruption install(JavaSparkContext jsc, String sweepDir, Runnable release) {
        Interruption interruption = new Interruption();
        for (String name : new String[]{"INT", "TERM"}) {
            Signal signal = new Signal(name);
            try {
                interruption.previous.put(signal, Signal.handle(signal, s -> {
                    if (!signalled.compareAndSet(false, true)) {
                        return; // a second signal while the first ends the sweep: said once
                    }
                    try {
                        cancelAll(jsc);
                        release.run();
                    } finally {
                        System.err.println("dae-sweep: interrupted (SIG" + name + "): the trials that ended are journaled in "
                                + sweepDir + "; run the same command again to resume");
                        SparkLogs.silenceTheRest();
                        System.exit(name.equals("INT") ? CTRL_C : TERMINATED);
                    }
                }));
            } catch (IllegalArgumentException e) {
                // the signal is the JVM's or ignored (started in the background): its default stays
            }
        }
        return interruption;
    }

    private static void cancelAll(JavaSparkContext jsc) {
        try {
            jsc.cancelAllJobs();
        } catch (IllegalStateException stopped) {
            // Spark had already stopped (its master gave up): no job is left to cancel
        }
    }

    /** Whether a signal is ending this JVM's sweep. */
    public static boolean signalled() {
        return signalled.get();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
