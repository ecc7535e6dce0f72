package org.daesweep.search.stop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetTest {
    private static StopCondition.SweepState state(double spent, double running, double seconds, int sinceBetter) {
        return new StopCondition.SweepState(spent, running, seconds, sinceBetter);
    }

    @Test
    void theTimeBudgetEndsTheSearchOnceSpent() {
        Budget b = new Budget(Duration.ofMinutes(2), 0, 0);
        assertEquals(Optional.empty(), b.reached(state(50, 3, 119.9, 40)));
        assertEquals(Optional.of("time budget of PT2M spent"), b.reached(state(0, 0, 120, 0)));
    }

    @Test
    void patienceEndsItAfterThatManyResultsWithoutABetterTrial() {
        Budget b = new Budget(Duration.ZERO, 0, 5);
        assertEquals(Optional.empty(), b.reached(state(0, 0, 1e6, 4)));
        assertEquals(Optional.of("no better trial in the last 5"), b.reached(state(0, 0, 0, 5)));
    }

    @Test
    void theEpochBudgetCountsRunningPiecesAndIsNeverOverrun() {
        Budget b = new Budget(Duration.ZERO, 10, 0);
        assertEquals(Optional.empty(), b.reached(state(6, 3, 0, 0)));
        assertTrue(b.reached(state(7, 3, 0, 0)).isPresent());
        assertEquals(Optional.empty(), b.refuses(state(6, 3, 0, 0), 1));
        assertTrue(b.refuses(state(6, 3, 0, 0), 1.5).orElseThrow().contains("the next piece of 1.5 epochs would overrun it"));
    }

    @Test
    void zeroTurnsEveryConditionOff() {
        assertEquals(Optional.empty(), Budget.NONE.reached(state(1e9, 1e9, 1e9, Integer.MAX_VALUE)));
        assertEquals(Optional.empty(), Budget.NONE.refuses(state(1e9, 1e9, 1e9, 0), 1e9));
    }
}
