package org.daesweep.results;

import org.daesweep.UserException;
import org.daesweep.trial.TrialPiece;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every trial's latest step (its result so far, and its checkpoint while the scheduler may still
 * continue it), persisted the moment the step ends, so that a sweep killed at any point resumes
 * with the trials it already has. One file per trial id, written atomically: a trial recorded
 * twice (a rerun, a retried job, its next rung) replaces its own file, never adds a row.
 *
 * <p>The plan (data, noise, search space, sampler, scheduler and seeds) is saved with the
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
    public Map<String, TrialPiece> open(String plan, boolean restart) {
        String earlier = store.readFile(PLAN).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
        if (restart || earlier == null) {
            store.delete(DIR);
        } else if (!earlier.equals(plan)) {
            throw new UserException(store.location() + ": holds a sweep with another search space, data or seed ("
                    + PLAN + " differs); use another sweep.name or output.dir, or pass --restart to start over");
        }
        store.writeFile(PLAN, plan.getBytes(StandardCharsets.UTF_8));
        Map<String, TrialPiece> done = new LinkedHashMap<>();
        for (String file : store.list(DIR)) {
            store.readFile(DIR + "/" + file).map(TrialJournal::decode).ifPresent(r -> done.put(r.result().spec().id(), r));
        }
        return done;
    }

    /** Persists a trial's latest step (atomically; safe to call from several threads). */
    public void record(TrialPiece step) {
        store.writeFile(DIR + "/" + fileName(step.result().spec().id()), encode(step));
    }

    /** The journal file of a trial; {@link #trialId} reads it back. */
    static String fileName(String trialId) {
        return trialId + ".bin";
    }

    /** The trial a journal file belongs to. */
    public static String trialId(String fileName) {
        return fileName.substring(0, fileName.length() - ".bin".length());
    }

    private static byte[] encode(TrialPiece step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A record this version cannot read (written by another version, or damaged) is run again. */
    private static TrialPiece decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (TrialPiece) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }
}
