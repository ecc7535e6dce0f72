package org.daesweep.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How many of this machine's cores nothing else is using, from the kernel's CPU counters
 * (/proc/stat) over a short look. OpenMP threads that wait on a core another process holds stall
 * each other, so a task that may take every core takes only the idle ones. Time spent by
 * processes of lowered priority (nice) counts as idle, unless this process is one of them: the
 * kernel gives their cores to a process of normal priority.
 */
public final class IdleCores {
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private IdleCores() {
    }

    /** Idle cores over {@code look}, rounded, between 1 and {@code cores}; {@code cores} where the counters cannot be read. */
    public static int of(int cores, Duration look) {
        try {
            boolean niceYields = ownNice() <= 0;
            long[] before = totals(niceYields);
            Thread.sleep(look.toMillis());
            long[] after = totals(niceYields);
            long all = after[0] - before[0];
            long idle = after[1] - before[1];
            if (all <= 0) {
                return cores;
            }
            int online = Runtime.getRuntime().availableProcessors();
            return (int) Math.max(1, Math.min(cores, Math.round(online * (double) idle / all)));
        } catch (IOException | RuntimeException e) {
            return cores;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cores;
        }
    }

    /** Ticks of all CPUs since boot: in all, and free to take (idle + iowait, and nice when it yields to us). */
    private static long[] totals(boolean niceYields) throws IOException {
        List<String> lines = Files.readAllLines(STAT);
        String[] f = lines.get(0).trim().split("\\s+"); // "cpu user nice system idle iowait irq softirq steal ..."
        long all = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            all += Long.parseLong(f[i]);
        }
        long free = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[]{all, niceYields ? free + Long.parseLong(f[2]) : free};
    }

    /** This process's nice value, from /proc/self/stat (the 19th field; the name in parentheses may hold spaces). */
    private static int ownNice() throws IOException {
        String stat = Files.readString(SELF);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Integer.parseInt(f[16]);
    }
}
