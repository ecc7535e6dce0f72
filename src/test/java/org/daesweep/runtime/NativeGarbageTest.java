package org.daesweep.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeGarbageTest {
    @Test
    void collectsOnceTheResidentSetGrowsByTheBudget() {
        NativeGarbage.Budget budget = new NativeGarbage.Budget(64);
        assertFalse(budget.exceededBy(1000));
        assertFalse(budget.exceededBy(1064));
        assertTrue(budget.exceededBy(1065));
    }

    @Test
    void aPeakReadJustAfterACollectionDoesNotBecomeTheBaseline() {
        NativeGarbage.Budget budget = new NativeGarbage.Budget(64);
        budget.exceededBy(1000);
        assertTrue(budget.exceededBy(1100));
        budget.countFrom(1100); // the garbage is freed later, by ND4J's deallocator threads
        assertFalse(budget.exceededBy(900));
        assertFalse(budget.exceededBy(960));
        // Measured from the 1,100 peak this growth would go unnoticed until 1,165.
        assertTrue(budget.exceededBy(970));
    }
}
