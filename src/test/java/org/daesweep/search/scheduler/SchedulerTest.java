package org.daesweep.search.scheduler;

import org.daesweep.trial.Epochs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchedulerTest {
    @Test
    void rungsDivideTheFullBudgetByPowersOfTheReduction() {
        assertEquals(List.of(1.0, 3.0, 9.0), Scheduler.geometricRungs(1, 9, 3));
        assertEquals(List.of(1.0, 3.0, 10.0), Scheduler.geometricRungs(1, 10, 3));
        assertEquals(List.of(3.0, 10.0), Scheduler.geometricRungs(2, 10, 3));
        assertEquals(List.of(2.0, 4.0, 8.0, 16.0), Scheduler.geometricRungs(2, 16, 2));
        assertEquals(List.of(5.0), Scheduler.geometricRungs(5, 5, 3));
        assertEquals(List.of(1 / 9.0, 1 / 3.0, 1.0, 3.0, 9.0), Scheduler.geometricRungs(0.1, 9, 3));
        assertEquals("[0.111, 0.333, 1, 3, 9]", Scheduler.format(Scheduler.geometricRungs(0.1, 9, 3)));
        assertEquals("6.8", Epochs.format(6.8));
        assertThrows(IllegalArgumentException.class, () -> Scheduler.geometricRungs(0, 9, 3));
        assertThrows(IllegalArgumentException.class, () -> Scheduler.geometricRungs(4, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Scheduler.geometricRungs(1, 9, 1));
    }

    @Test
    void theExpectedEpochsPerTrialWeighEachRungByTheShareThatReachesIt() {
        // All train 1 epoch, a third 2 more, a ninth 6 more.
        assertEquals(1 + 2 / 3.0 + 6 / 9.0, new Asha(List.of(1.0, 3.0, 9.0), 3).expectedEpochsPerTrial(), 1e-12);
        assertEquals(9, new FullBudget(9).expectedEpochsPerTrial());
    }

    @Test
    void ashaPromotesTheTopThirdOfWhatEachRungHasSoFar() {
        Asha asha = new Asha(List.of(1.0, 3.0, 9.0), 3);
        asha.reported("a", 0, 0.3);
        asha.reported("b", 0, 0.1);
        assertEquals(Optional.empty(), asha.promote(false), "two results: a third of them is none");
        asha.reported("c", 0, 0.2);
        assertEquals(Optional.of(new Scheduler.Promotion("b", 0)), asha.promote(false));
        assertEquals(Optional.empty(), asha.promote(false), "b is promoted once");
        asha.reported("d", 0, 0.05);
        asha.reported("e", 0, Double.NaN);
        asha.reported("f", 0, 0.5);
        assertEquals(Optional.of(new Scheduler.Promotion("d", 0)), asha.promote(false), "six results: the top two");
        asha.reported("b", 1, 0.09);
        asha.reported("d", 1, 0.04);
        asha.reported("g", 1, 0.2);
        assertEquals(Optional.of(new Scheduler.Promotion("d", 1)), asha.promote(false), "higher rungs first");
    }

    @Test
    void ashaNeverPromotesAFailedTrial() {
        Asha asha = new Asha(List.of(1.0, 2.0), 2);
        asha.reported("a", 0, Double.NaN);
        asha.reported("b", 0, Double.NaN);
        assertEquals(Optional.empty(), asha.promote(true));
    }

    @Test
    void successiveHalvingWaitsForTheWholeRound() {
        SuccessiveHalving sh = new SuccessiveHalving(List.of(1.0, 2.0, 4.0), 2);
        for (String t : List.of("a", "b", "c", "d")) {
            sh.admitted(t);
        }
        sh.reported("a", 0, 0.4);
        sh.reported("b", 0, 0.1);
        sh.reported("c", 0, 0.3);
        assertEquals(Optional.empty(), sh.promote(true), "d has not reported");
        sh.reported("d", 0, 0.2);
        assertEquals(Optional.empty(), sh.promote(false), "new trials may still join the first round");
        assertEquals(Optional.of(new Scheduler.Promotion("b", 0)), sh.promote(true));
        assertEquals(Optional.of(new Scheduler.Promotion("d", 0)), sh.promote(true));
        assertEquals(Optional.empty(), sh.promote(true), "the second round runs before the third is chosen");
        sh.reported("b", 1, 0.08);
        sh.reported("d", 1, 0.07);
        assertEquals(Optional.of(new Scheduler.Promotion("d", 1)), sh.promote(true));
        assertEquals(Optional.empty(), sh.promote(true));
    }
}
