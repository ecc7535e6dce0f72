package org.daesweep.results;

import org.daesweep.UserException;
import org.daesweep.search.TrialSpec;
import org.daesweep.training.TrialResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every finished trial's result, persisted the moment it arrives, so that a sweep killed at any
 * point resumes with the trials it already has. One file per trial id, written atomically: a
 * trial recorded twice (a rerun, a retried job) replaces its own file, never adds a row.
 *
 * <p>The plan (data, noise and every trial's id, seed and configuration) is saved with the
 * journal; a rerun whose plan differs is refused rather than mixing two sweeps in one table.
 */
public final class TrialJournal {
    public static final String DIR = "journal";
    public static final String PLAN = "plan.txt";
    private final ResultStore store;

    public TrialJournal(ResultStore store) {
        this.store = store;
    }

    /**
     * Opens the journal for this plan: the results of trials already finished under the same
     * plan, by trial id. A different plan in the same directory is an error unless
     * {@code restart}, which discards the earlier journal.
     */
    public Map<String, TrialResult> open(String plan, boolean restart) {
        String earlier = store.readFile(PLAN).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
        if (restart || earlier == null) {
            store.delete(DIR);
        } else if (!earlier.equals(plan)) {
            throw new UserException(store.location() + ": holds a sweep with another search space, data or seed ("
                    + PLAN + " differs); use another sweep.name or output.dir, or pass --restart to start over");
        }
        store.writeFile(PLAN, plan.getBytes(StandardCharsets.UTF_8));
        Map<String, TrialResult> done = new LinkedHashMap<>();
        for (String file : store.list(DIR)) {
            store.readFile(DIR + "/" + file).map(TrialJournal::decode).ifPresent(r -> done.put(r.spec().id(), r));
        }
        return done;
    }

    /** Persists one finished trial (atomically; safe to call from several threads). */
    public void record(TrialResult result) {
        store.writeFile(DIR + "/" + result.spec().id() + ".bin", encode(result));
    }

    /** The plan of a sweep: what must be equal for earlier trial results to be reused. */
    public static String plan(String data, List<TrialSpec> specs) {
        return data + "\n" + specs.stream()
                .map(s -> s.id() + " seed=" + s.seed() + " " + s.hyperparameters().toMap())
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** The trial ids a plan holds, in order. */
    public static List<String> plannedIds(String plan) {
        return plan.lines().filter(line -> line.startsWith("trial-"))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
    }

    private static byte[] encode(TrialResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A record this version cannot read (written by another version, or damaged) is run again. */
    private static TrialResult decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (TrialResult) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }
}
