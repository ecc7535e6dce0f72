package org.daesweep.search;

import org.daesweep.model.Hyperparameters;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepProgressTest {
    private static final TrialResult BEST = new TrialResult(TrialSpec.of(2, 1, Hyperparameters.referenceBaseline()), TrialStatus.OK, "",
            new TrialResult.Training(List.of(new EpochStats(1, 0.1, 0.1, 0.03, 1, 0, Double.NaN)), 1, 0.03, 10, 1),
            new TrialResult.Placement("0", "h"), new TrialResult.Rungs(0, List.of(0.03)));

    @Test
    void aLineSaysWhereTheSweepStandsAndWhatIsLeft() {
        String line = SweepProgress.line(counts(12, 64, 2, 3, Map.of(TrialStatus.FAILED, 1), 40, 1500, BEST, 100, false),
                java.util.Set.of(org.daesweep.model.Hyperparameter.FILTERS));
        assertTrue(line.startsWith("trials 12/64 started, 2 running, 3 paused, 1 failed; best val MSE 0.03000 (trial-0002: "
                + "filters=32)"), line);
        assertTrue(line.endsWith("; 40 epochs; 1m40s elapsed, ~25m00s left"), line);
        String unknown = SweepProgress.line(counts(2, 64, 2, 0, Map.of(), 0, Double.NaN, null, 30, false),
                java.util.Set.of());
        assertTrue(unknown.endsWith("; 0 epochs; 30s elapsed"), "no estimate before a piece ends: " + unknown);
        // A collapse is what the configuration does, not a failure of the tool: say which.
        String collapsed = SweepProgress.line(counts(5, 5, 0, 0,
                Map.of(TrialStatus.FAILED, 1, TrialStatus.COLLAPSED, 4), 18, 0, null, 474, true), java.util.Set.of());
        assertTrue(collapsed.startsWith("trials 5/5 started, 0 running, 0 paused, 4 collapsed, 1 failed; "), collapsed);
        String done = SweepProgress.line(counts(64, 64, 0, 0, Map.of(), 400, 0, null, 4000, true), java.util.Set.of());
        assertTrue(done.endsWith("no ok trial yet; 400 epochs; 1h06m elapsed, done"), done);
    }

    @Test
    void aTerminalLineUpdatesInPlaceAndLogsAreThrottled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SweepProgress terminal = new SweepProgress(new PrintStream(bytes, true), s -> { }, java.util.Set.of());
        terminal.update(counts(1, 4, 1, 0, Map.of(), 1, 60, BEST, 5, false));
        terminal.update(counts(4, 4, 0, 0, Map.of(), 4, 0, BEST, 9, true));
        String shown = bytes.toString();
        assertTrue(shown.startsWith("\rtrials 1/4") && shown.contains("\rtrials 4/4") && shown.endsWith(System.lineSeparator()),
                shown);
        List<String> logged = new ArrayList<>();
        SweepProgress plain = new SweepProgress(null, logged::add, java.util.Set.of());
        plain.update(counts(1, 4, 1, 0, Map.of(), 1, 60, BEST, 5, false));
        plain.update(counts(2, 4, 1, 0, Map.of(), 2, 30, BEST, 8, false));
        plain.update(counts(3, 4, 1, 0, Map.of(), 3, 10, BEST, 16, false));
        plain.update(counts(4, 4, 0, 0, Map.of(), 4, 0, BEST, 17, true));
        assertEquals(3, logged.size(), "the second line came within 10 s of the first: " + logged);
    }

    @Test
    void durationsReadAsATimeOfDayWould() {
        assertEquals("42s", SweepProgress.duration(42.4));
        assertEquals("2m05s", SweepProgress.duration(125));
        assertEquals("3h07m", SweepProgress.duration(3 * 3600 + 7 * 60 + 30));
    }

    /** The loop's counts in the order a progress line reads them. */
    private static SweepLoop.Counts counts(int started, int total, int running, int paused, Map<TrialStatus, Integer> ended,
                                           double epochs, double secondsLeft, TrialResult best, double elapsed,
                                           boolean finished) {
        return new SweepLoop.Counts(new SweepLoop.Trials(started, total, running, paused, ended),
                new SweepLoop.Spent(epochs, elapsed, secondsLeft), best, finished);
    }
}
