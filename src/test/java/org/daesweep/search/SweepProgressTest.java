package org.daesweep.search;

import org.daesweep.model.Hyperparameters;
import org.daesweep.training.EpochStats;
import org.daesweep.training.TrialResult;
import org.daesweep.training.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepProgressTest {
    private static TrialResult result(int index, TrialStatus status, double valMse) {
        TrialSpec spec = TrialSpec.of(index, 1, Hyperparameters.referenceBaseline());
        return new TrialResult(spec, status, List.of(new EpochStats(1, 0.1, 0.1, valMse, 1)), 10, 1, "", "0", "h");
    }

    @Test
    void countsStatusesKeepsTheBestOkTrialAndEndsDone() {
        SweepProgress p = new SweepProgress(4, List.of(result(0, TrialStatus.OK, 0.05)));
        String second = p.finished(result(1, TrialStatus.COLLAPSED, 0.01));
        assertTrue(second.startsWith("trials 2/4 (1 ok, 1 collapsed); best val MSE 0.05000 (trial-0000)"), second);
        assertTrue(second.endsWith(" left"), second);
        p.finished(result(2, TrialStatus.OK, 0.03));
        String last = p.finished(result(3, TrialStatus.FAILED, Double.NaN));
        assertTrue(last.startsWith("trials 4/4 (2 ok, 1 collapsed, 1 failed); best val MSE 0.03000 (trial-0002)"), last);
        assertTrue(last.endsWith("elapsed, done"), last);
    }

    @Test
    void durationsReadAsATimeOfDayWould() {
        assertEquals("42s", SweepProgress.duration(42.4));
        assertEquals("2m05s", SweepProgress.duration(125));
        assertEquals("3h07m", SweepProgress.duration(3 * 3600 + 7 * 60 + 30));
    }
}
