package org.daesweep.search.stop;

import org.daesweep.trial.Epochs;

import java.time.Duration;
import java.util.Optional;

/**
 * The usual stop conditions besides the number of trials, any of which ends a sweep: a wall
 * time, a number of training epochs over all trials (never overrun: a piece that would not fit
 * does not start), and no better trial in the last {@code patience} finished trials. Zero turns
 * a condition off.
 */
public record Budget(Duration time, long epochs, int patience) implements StopCondition {
    public static final Budget NONE = new Budget(Duration.ZERO, 0, 0);

    @Override
    public Optional<String> reached(SweepState s) {
        if (!time.isZero() && s.elapsedSeconds() >= time.toMillis() / 1000.0) {
            return Optional.of("time budget of " + time + " spent");
        }
        if (epochs > 0 && s.epochsSpent() + s.epochsRunning() >= epochs) {
            return Optional.of("epoch budget of " + epochs + " spent");
        }
        if (patience > 0 && s.trialsSinceImprovement() >= patience) {
            return Optional.of("no better trial in the last " + patience);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> refuses(SweepState s, double piece) {
        if (epochs > 0 && s.epochsSpent() + s.epochsRunning() + piece > epochs + 1e-9) {
            return Optional.of("epoch budget of " + epochs + " spent (the next piece of "
                    + Epochs.format(piece) + " epochs would overrun it)");
        }
        return Optional.empty();
    }
}
