package org.daesweep.spark;

import org.daesweep.results.Report;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.results.ResultStore;
import org.daesweep.trial.TrialResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.html while the search runs: rewritten from the trials' latest results as pieces end,
 * at most every {@link #EVERY_NANOS}, so that a user who reloads the page sees the sweep as it
 * stands. The first is written that long after the search starts: the driver's writes take CPU
 * from the trials, and a short sweep ends with its final report anyway.
 */
final class LiveReport {
    static final long EVERY_NANOS = 10_000_000_000L;
    private final ResultStore store;
    private final SearchSpace space;
    private final List<Double> rungs;
    private final Map<String, TrialResult> latest = new LinkedHashMap<>();
    private long written;

    LiveReport(ResultStore store, SearchSpace space, List<Double> rungs, Iterable<TrialResult> earlier) {
        this(store, space, rungs, earlier, System.nanoTime());
    }

    /** @param written when the last report was written, on System.nanoTime's clock */
    LiveReport(ResultStore store, SearchSpace space, List<Double> rungs, Iterable<TrialResult> earlier, long written) {
        this.written = written;
        this.store = store;
        this.space = space;
        this.rungs = rungs;
        earlier.forEach(t -> latest.put(t.spec().id(), t));
    }

    /** A piece ended: its trial's result so far. */
    synchronized void pieceEnded(TrialResult merged) {
        latest.put(merged.spec().id(), merged);
        long now = System.nanoTime();
        if (now - written >= EVERY_NANOS) {
            written = now;
            write();
        }
    }

    private void write() {
        Report.write(store, Report.Rows.ofSearch(space, latest.values(), rungs, false), true);
    }
}
