package org.daesweep.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearningRateScheduleTest {
    @Test
    void constantStaysAtTheBase() {
        LearningRateSchedule s = new LearningRateSchedule("constant", 0.002, 100);
        assertEquals(0.002, s.valueAt(0, 0));
        assertEquals(0.002, s.valueAt(100, 7));
    }

    @Test
    void cosineFallsFromTheBaseToOnePercentOverTheTrial() {
        LearningRateSchedule s = new LearningRateSchedule("cosine", 0.01, 200);
        assertEquals(0.01, s.valueAt(0, 0), 1e-15);
        assertEquals(0.01 * (0.01 + 0.99 * 0.5), s.valueAt(100, 0), 1e-15, "half way: half of the way down");
        assertEquals(0.01 * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI / 4))), s.valueAt(50, 0), 1e-15);
        assertEquals(0.0001, s.valueAt(200, 0), 1e-15);
        assertEquals(0.0001, s.valueAt(400, 0), 1e-15, "past the end it stays at the floor");
    }

    @Test
    void stepDropsTenfoldAtHalfAndAgainAtThreeQuarters() {
        LearningRateSchedule s = new LearningRateSchedule("step", 0.1, 100);
        assertEquals(0.1, s.valueAt(49, 0), 1e-15);
        assertEquals(0.01, s.valueAt(50, 0), 1e-15);
        assertEquals(0.01, s.valueAt(74, 0), 1e-15);
        assertEquals(0.001, s.valueAt(75, 0), 1e-15);
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule("cosine", 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule("warm", 0.1, 10).valueAt(1, 0));
    }
}
