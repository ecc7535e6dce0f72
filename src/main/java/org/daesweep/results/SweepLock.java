package org.daesweep.results;

import org.daesweep.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One owner per sweep directory: a lock file naming the host, process and start time, created
 * only if absent (an atomic create on HDFS as on a local disk), removed when the sweep ends. A
 * second sweep on the directory is refused with the owner's name; a lock left by a process of
 * this host that no longer runs is taken over, with a note.
 */
public final class SweepLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SweepLock.class);
    private final ResultStore store;

    private SweepLock(ResultStore store) {
        this.store = store;
    }

    public static SweepLock take(ResultStore store) {
        String me = owner();
        if (store.createIfAbsent(SweepDirectory.LOCK, me.getBytes(StandardCharsets.UTF_8))) {
            return new SweepLock(store);
        }
        String holder = store.readFile(SweepDirectory.LOCK).map(b -> new String(b, StandardCharsets.UTF_8).strip()).orElse("?");
        if (!stale(holder)) {
            throw new UserException(store.location() + ": in use by another sweep (" + holder + "); wait for it to end, "
                    + "or remove " + store.path(SweepDirectory.LOCK) + " if that process is gone");
        }
        log.warn("{}: taking over the lock of a process that no longer runs ({})", store.location(), holder);
        store.delete(SweepDirectory.LOCK);
        if (!store.createIfAbsent(SweepDirectory.LOCK, me.getBytes(StandardCharsets.UTF_8))) {
            throw new UserException(store.location() + ": another sweep took the directory just now");
        }
        return new SweepLock(store);
    }

    @Override
    public void close() {
        store.delete(SweepDirectory.LOCK);
    }

    /** host pid started-at, e.g. {@code node-3 41522 2026-12-02T09:14:03Z}. */
    static String owner() {
        return host() + " " + ProcessHandle.current().pid() + " "
                + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** A lock of this host whose process is gone; another host's lock is never judged stale from here. */
    static boolean stale(String holder) {
        String[] parts = holder.split(" ");
        if (parts.length < 2 || !parts[0].equals(host())) {
            return false;
        }
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]));
            return process.isEmpty() || !process.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
