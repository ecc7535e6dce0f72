package org.daesweep.results;

import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepLockTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").appName("lock test").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aSecondOwnerIsRefusedNamingTheFirstAndTheLockGoesWithTheSweep() {
        ResultStore store = new ResultStore(spark, dir.toString());
        try (SweepLock first = SweepLock.take(store)) {
            UserException e = assertThrows(UserException.class, () -> SweepLock.take(store));
            assertTrue(e.getMessage().contains("in use by another sweep (" + SweepLock.owner() + ")"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(SweepDirectory.LOCK)), "released at the end");
        SweepLock.take(store).close();
    }

    @Test
    void aLockOfAProcessOfThisHostThatIsGoneIsTakenOver() throws Exception {
        ResultStore store = new ResultStore(spark, dir.toString());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = SweepLock.owner().split(" ")[0];
        Files.writeString(dir.resolve(SweepDirectory.LOCK), host + " " + gone.pid() + " 2026-01-01T00:00:00Z");
        assertTrue(SweepLock.stale(Files.readString(dir.resolve(SweepDirectory.LOCK))));
        SweepLock.take(store).close();
        assertFalse(SweepLock.stale("another-host 1 2026-01-01T00:00:00Z"), "another host's lock is never judged from here");
        assertFalse(SweepLock.stale(SweepLock.owner()), "a live process holds its lock");
    }
}
