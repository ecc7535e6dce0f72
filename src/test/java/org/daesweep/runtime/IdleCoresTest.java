package org.daesweep.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleCoresTest {
    @Test
    void aCoreKeptBusyIsNotCountedIdle() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread busy = new Thread(() -> {
            long x = 0;
            while (spin.get()) {
                x++;
            }
            assertTrue(x > 0);
        });
        busy.start();
        try {
            int idle = IdleCores.of(cores, Duration.ofMillis(400));
            assertTrue(idle >= 1 && idle <= Math.max(1, cores - 1), idle + " of " + cores + " idle with one spinning");
            assertTrue(IdleCores.of(1, Duration.ofMillis(50)) == 1, "never fewer than one, never more than asked");
        } finally {
            spin.set(false);
            busy.join();
        }
    }
}
