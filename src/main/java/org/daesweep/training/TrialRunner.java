package org.daesweep.training;

import org.daesweep.runtime.NativeGarbage;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one piece of a trial to a {@link TrialPiece} and never throws: any exception or error
 * (out of memory included) is caught and recorded as a failed trial, so the caller (a Spark
 * task) does not fail and Spark does not retry a bad configuration.
 */
public final class TrialRunner {
    private final TrialTrainer trainer = new TrialTrainer();
    private final Duration timeout;
    private final long memoryBytes;

    /**
     * @param timeout     a trial's time limit, zero for none
     * @param memoryBytes native memory a trial may use here, 0 for unchecked
     */
    public TrialRunner(Duration timeout, long memoryBytes) {
        this.timeout = timeout;
        this.memoryBytes = memoryBytes;
    }

    /**
     * Trains from {@code from} (null: a fresh network) until {@code untilEpochs}; the piece carries
     * a checkpoint when the trial ended the piece well and has epochs left.
     */
    public TrialPiece run(TrialSpec spec, TrainingData data, Checkpoint from, double untilEpochs, String executor, String host) {
        // The previous piece's buffers were freed when it ended: return them to the OS.
        NativeGarbage.releaseFreeMemory();
        long start = System.nanoTime();
        List<EpochStats> epochs = new ArrayList<>(from == null ? List.of() : from.epochs());
        var tooLarge = MemoryCheck.problem(spec.hyperparameters(), data, memoryBytes);
        if (tooLarge.isPresent()) {
            return new TrialPiece(TrialResult.unmeasured(spec, TrialStatus.FAILED, epochs, tooLarge.get(), executor, host),
                    null, false);
        }
        try {
            TrainingRun run = trainer.train(spec.hyperparameters(), data, spec.seed(), from, untilEpochs, timeout,
                    epochs::add);
            TrialResult result = new TrialResult(spec, run.status(), run.message(), new TrialResult.Training(run.epochs(),
                    run.epochsTrained(), run.lastValidationMse(), run.network().parameterCount(), seconds(start)),
                    new TrialResult.Placement(executor, host), TrialResult.Rungs.NONE);
            TrialPiece piece = new TrialPiece(result, run.continues(spec.hyperparameters().epochs()) ? run.checkpoint() : null,
                    false);
            // The bulk of a network's native memory, freed now: what is left of it (parameters,
            // optimiser state) is small enough for the collections NativeGarbage asks for.
            run.network().releasePlans();
            return piece;
        } catch (Throwable t) {
            // ND4J frees a network's native buffers only when the collector finds it dead, and a
            // failed piece's network is out of reach.
            System.gc();
            String message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            return new TrialPiece(TrialResult.unmeasured(spec, TrialStatus.FAILED, epochs, message, executor, host), null,
                    false);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
