package org.daesweep.search;

import org.daesweep.training.TrialResult;
import org.daesweep.training.TrialStatus;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a sweep stands, one line per finished trial: trials done of the total by status, the
 * best validation MSE so far with its trial, elapsed time and an estimate of the time left
 * (elapsed time per trial finished in this run, times the trials left). Thread-safe: trials
 * finish on the driver's job threads.
 */
public final class SweepProgress {
    private final int total;
    private final long startNanos = System.nanoTime();
    private final Map<TrialStatus, Integer> byStatus = new EnumMap<>(TrialStatus.class);
    private int done;
    private int doneHere;
    private TrialResult best;

    /** @param earlier trials finished by an earlier run of the sweep (resumed) */
    public SweepProgress(int total, Iterable<TrialResult> earlier) {
        this.total = total;
        earlier.forEach(this::count);
    }

    /** Records a trial finished in this run and returns the progress line. */
    public synchronized String finished(TrialResult r) {
        count(r);
        doneHere++;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String statuses = byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        String bestText = best == null ? "no ok trial yet"
                : String.format("best val MSE %.5f (%s)", best.bestValidationMse(), best.spec().id());
        String left = done == total ? "done" : "~" + duration(elapsed / doneHere * (total - done)) + " left";
        return String.format("trials %d/%d (%s); %s; %s elapsed, %s", done, total, statuses, bestText,
                duration(elapsed), left);
    }

    private void count(TrialResult r) {
        done++;
        byStatus.merge(r.status(), 1, Integer::sum);
        if (r.status() == TrialStatus.OK && (best == null || r.bestValidationMse() < best.bestValidationMse())) {
            best = r;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
