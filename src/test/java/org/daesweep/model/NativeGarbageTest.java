package org.daesweep.model;

import org.daesweep.training.NativeRuntime;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeGarbageTest {
    @Test
    void collectsOnceNativeMemoryGrowsByTheBudget() {
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

    /** The budget counts malloc's bytes in use: they must see ND4J's buffers, or it never collects. */
    @Test
    void mallocsBytesInUseRiseAndFallWithAnNd4jBuffer() {
        assumeTrue(Glibc.onLinux(), "glibc only");
        NativeRuntime.configure(1);
        long mb = 1 << 20;
        long before = Glibc.mallocInUse().orElseThrow();
        INDArray buffer = Nd4j.create(DataType.FLOAT, 16 * mb); // 64 MB
        long with = Glibc.mallocInUse().orElseThrow();
        buffer.close();
        long after = Glibc.mallocInUse().orElseThrow();
        // The JVM's own threads allocate too, a few MB at most meanwhile.
        assertTrue(with - before > 60 * mb && with - before < 72 * mb, "in use " + before / mb + " -> " + with / mb + " MB");
        assertTrue(with - after > 56 * mb, "after close " + after / mb + " MB");
    }
}
