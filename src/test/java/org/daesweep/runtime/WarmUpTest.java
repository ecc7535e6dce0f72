package org.daesweep.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpTest {
    @Test
    void aJvmLoadsAndWarmsUpOnceAndTheWarmUpEnds() throws Exception {
        var libraries = WarmUp.loadLibraries();
        assertSame(libraries, WarmUp.loadLibraries());
        AtomicInteger runs = new AtomicInteger();
        WarmUp warmUp = new WarmUp();
        var first = warmUp.start(runs::incrementAndGet);
        assertSame(first, warmUp.start(runs::incrementAndGet));
        assertTrue(first.get(5, TimeUnit.MINUTES).toNanos() > 0);
        assertEquals(1, runs.get(), "the first warm-up only");
        assertTrue(libraries.isDone() && !libraries.isCompletedExceptionally());
    }
}
