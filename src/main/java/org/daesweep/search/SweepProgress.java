package org.daesweep.search;

import org.daesweep.model.Hyperparameter;
import org.daesweep.model.Hyperparameters;
import org.daesweep.trial.Epochs;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStatus;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.Arrays;

/**
 * Where a sweep stands, after every finished piece of training: trials started of the total,
 * running, paused at a rung, ended without a result (by status: failed, collapsed, ...); the
 * best validation MSE so far with its configuration; epochs spent; elapsed time and an
 * estimate of the time left. On a terminal it is one line that updates in place; otherwise
 * (logs on a cluster) plain lines, at most one per {@code LOG_INTERVAL_SECONDS} besides the last.
 */
public final class SweepProgress {
    private static final double LOG_INTERVAL_SECONDS = 10;
    private final PrintStream terminal;
    private final Consumer<String> log;
    private final Set<Hyperparameter> searched;
    private double lastLogged = Double.NEGATIVE_INFINITY;

    /**
     * @param terminal the console to update in place, or null to write lines to {@code log}
     * @param searched the hyperparameters shown of the best trial
     */
    public SweepProgress(PrintStream terminal, Consumer<String> log, Set<Hyperparameter> searched) {
        this.terminal = terminal;
        this.log = log;
        this.searched = searched;
    }

    public synchronized void update(SweepLoop.Counts c) {
        String line = line(c, searched);
        if (terminal != null) {
            terminal.print("\r" + line + "\u001B[K" + (c.finished() ? System.lineSeparator() : ""));
            terminal.flush();
        } else if (c.finished() || c.spent().elapsedSeconds() - lastLogged >= LOG_INTERVAL_SECONDS) {
            lastLogged = c.spent().elapsedSeconds();
            log.accept(line);
        }
    }

    static String line(SweepLoop.Counts c, Set<Hyperparameter> searched) {
        TrialResult best = c.best();
        String bestText = best == null ? "no ok trial yet"
                : String.format("best val MSE %.5f (%s: %s)", best.bestValidationMse(), best.spec().id(),
                describe(best, searched));
        SweepLoop.Trials trials = c.trials();
        SweepLoop.Spent spent = c.spent();
        String left = Double.isNaN(spent.secondsLeft()) ? "" : ", ~" + duration(spent.secondsLeft()) + " left";
        String ended = trials.ended().isEmpty() ? "0 failed" : byStatus(trials.ended());
        return String.format("trials %d/%d started, %d running, %d paused, %s; %s; %s epochs; %s elapsed%s",
                trials.started(), trials.total(), trials.running(), trials.paused(), ended, bestText,
                Epochs.format(Math.round(spent.epochs() * 10) / 10.0), duration(spent.elapsedSeconds()),
                c.finished() ? ", done" : left);
    }

    /**
     * Trial counts by status in the statuses' order, e.g. {@code 4 collapsed, 1 failed}: "4
     * collapsed", not "4 failed", as a collapse or a divergence is a result of the configuration.
     */
    public static String byStatus(Map<TrialStatus, Integer> counts) {
        return Arrays.stream(TrialStatus.values()).filter(counts::containsKey)
                .map(s -> counts.get(s) + " " + s.label()).collect(Collectors.joining(", "));
    }

    /** The searched hyperparameters of a trial, e.g. {@code filters=32 learning-rate=0.00210}. */
    public static String describe(TrialResult t, Set<Hyperparameter> searched) {
        return describe(t.spec().hyperparameters(), searched);
    }

    /** The searched hyperparameters' values, e.g. {@code filters=64 learning-rate=0.00107}. */
    public static String describe(Hyperparameters hp, Set<Hyperparameter> searched) {
        Map<String, Object> all = hp.toMap();
        return searched.stream().map(h -> h.key() + "=" + format(all.get(h.key()))).collect(Collectors.joining(" "));
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format("%.3g", d) : String.valueOf(value);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
