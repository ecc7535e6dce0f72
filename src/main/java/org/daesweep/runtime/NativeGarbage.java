package org.daesweep.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.management.OperatingSystemMXBean;

/**
 * Frees ND4J's dead native buffers before the process grows. ND4J releases an array's native
 * memory only when the garbage collector finds the Java object unreachable, and a training step
 * allocates hundreds of MB natively but little on the Java heap, so the collector runs rarely:
 * the resident set climbed to 8 GB for one trial, and every step wrote into freshly mapped
 * pages (page faults and zeroing took over half of the step). Collecting whenever the resident
 * set has grown by {@link #BUDGET_BYTES} keeps the freed buffers in malloc's free lists for the
 * next step (docs/DESIGN.md). Most of a step's arrays no longer need it, since SameDiff's
 * sessions free what they release at once (NativeRuntime), and a finished trial frees its
 * plans' buffers itself; it still catches what Java objects hold, such as a finished
 * trial's parameters and optimiser state, and the arrays that passes outside plans return.
 */
public final class NativeGarbage {
    static final long BUDGET_BYTES = 64L << 20;
    /** Above this share of the machine's memory, malloc's free memory goes back to the system. */
    private static final double TRIM_ABOVE_SHARE = 0.25;
    private static final long TRIM_ABOVE_BYTES = (long) (TRIM_ABOVE_SHARE * physicalBytes());
    private static final long TRIM_INTERVAL_NANOS = 10_000_000_000L;
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_BYTES = 4096;
    private static final boolean AVAILABLE = Files.isReadable(STATM);
    private static final Budget BUDGET = new Budget(BUDGET_BYTES);
    private static long lastTrim = System.nanoTime();

    private NativeGarbage() {
    }

    /** Called after each op-heavy step (a training batch, a prediction batch). */
    public static synchronized void collectIfGrown() {
        if (!AVAILABLE) {
            return;
        }
        if (BUDGET.exceededBy(residentBytes())) {
            System.gc();
            BUDGET.countFrom(residentBytes());
        }
        if (System.nanoTime() - lastTrim > TRIM_INTERVAL_NANOS) {
            lastTrim = System.nanoTime();
            releaseFreeMemory();
        }
    }

    /**
     * The process has just grown by memory that stays in use (a recorded plan's buffers), not
     * by garbage: growth counts from here. Otherwise a new trial's plans set off collections
     * that found nothing to free: five in a 2-slot bench sweep, ~60 ms each with every trial
     * of the JVM stopped.
     */
    public static synchronized void grewByLiveMemory() {
        if (AVAILABLE) {
            BUDGET.countFrom(residentBytes());
        }
    }

    /**
     * Hands the memory malloc holds free back to the OS (glibc's malloc_trim), only once the
     * process holds more than {@link #TRIM_ABOVE_SHARE} of the machine's memory, because every
     * trimmed page is faulted in again by the next allocation. The malloc tuning
     * ({@code NativeRuntime}) keeps up to 1 GB free at the top of each arena, and freed buffers
     * fragment the rest: over a sweep of many short trials the JVM grew to 24 GB, and a 30-epoch
     * retrain of a 96-filter model grew by ~0.5 GB per epoch with few live arrays. Trimming
     * after every short trial instead cost a sweep of 3-second trials a third of its trials per
     * hour.
     */
    public static void releaseFreeMemory() {
        if (residentBytes() >= TRIM_ABOVE_BYTES) {
            Glibc.call("malloc_trim", 0);
        }
    }

    /** The machine's memory. */
    public static long physicalBytes() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    /** When to collect, given the resident set after each step: apart from /proc and the collector, to be tested. */
    static final class Budget {
        private final long bytes;
        private long baseline = -1;

        Budget(long bytes) {
            this.bytes = bytes;
        }

        boolean exceededBy(long resident) {
            if (baseline < 0 || resident < baseline) {
                // ND4J frees a collected array's buffer later, on its deallocator threads, so the
                // resident set read just after a collection can still hold all that garbage.
                // Following it down keeps that peak from becoming the baseline: a ratchet that let
                // one 96-filter trial saw between 9 and 17 GB.
                baseline = resident;
                return false;
            }
            return resident - baseline > bytes;
        }

        /** Growth counts from this resident set (after a collection, or after live growth). */
        void countFrom(long resident) {
            baseline = resident;
        }
    }

    /** The process's resident set, 0 where /proc is not there. */
    public static long residentBytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split(" ");
            return Long.parseLong(fields[1]) * PAGE_BYTES;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
