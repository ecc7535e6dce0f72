package org.daesweep.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeLeftTest {
    @Test
    void nothingIsKnownBeforeAPieceWithEpochsEnds() {
        TimeLeft left = new TimeLeft();
        assertTrue(Double.isNaN(left.seconds(10, List.of(), 2)));
        left.finished(3, 0); // a piece that failed before its first epoch
        assertTrue(Double.isNaN(left.seconds(10, List.of(), 2)));
    }

    @Test
    void waitingEpochsAreSharedAmongSlotsAndRunningPiecesAreCreditedWithTheirTime() {
        TimeLeft left = new TimeLeft();
        left.finished(60, 1);
        left.finished(40, 1); // 50 s per epoch of one slot
        // 4 epochs waiting (200 s) and a 10-epoch trial that has run 300 of its 500 s, on 2 slots.
        assertEquals(200, left.seconds(4, List.of(new TimeLeft.Running(10, 300)), 2), 1e-9);
        // A piece does not spread over slots: its own 500 s bound the estimate from below.
        assertEquals(500, left.seconds(0, List.of(new TimeLeft.Running(10, 0)), 2), 1e-9);
    }

    @Test
    void theReferenceSweepsLastTrialIsNearlyDoneNotHalfAnHourAway() {
        // conf/reference.conf: four trials collapsed after 2 epochs each (25-107 s), the fifth,
        // expected to train 10 epochs, has run 6 minutes. Elapsed time per finished epoch said
        // "~34m left" three seconds before the end.
        TimeLeft left = new TimeLeft();
        left.finished(107, 2);
        left.finished(99, 2);
        left.finished(25, 2);
        left.finished(40, 2); // 33.9 s per epoch
        double seconds = left.seconds(0, List.of(new TimeLeft.Running(10, 360)), 2);
        assertTrue(seconds < 60, "seconds left: " + seconds);
    }
}
