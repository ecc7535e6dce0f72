package org.daesweep.training;

import org.daesweep.search.TrialSpec;

import java.time.Duration;

/**
 * Runs one trial to a {@link TrialResult} and never throws: any exception or error (out of
 * memory included) is caught and recorded as a failed trial, so the caller (a Spark task) does
 * not fail and Spark does not retry a bad configuration.
 */
public final class TrialRunner {
    private final TrialTrainer trainer = new TrialTrainer();
    private final Duration timeout;

    /** @param timeout a trial's time limit, zero for none */
    public TrialRunner(Duration timeout) {
        this.timeout = timeout;
    }

    public TrialResult run(TrialSpec spec, TrainingData data, String executor, String host) {
        long start = System.nanoTime();
        java.util.List<EpochStats> epochs = new java.util.ArrayList<>();
        try {
            TrainingRun run = trainer.train(spec.hyperparameters(), data, spec.seed(), timeout, epochs::add);
            return new TrialResult(spec, run.status(), run.epochs(), run.network().parameterCount(),
                    seconds(start), run.message(), executor, host);
        } catch (Throwable t) {
            String message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            return new TrialResult(spec, TrialStatus.FAILED, epochs, 0, seconds(start), message, executor, host);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
