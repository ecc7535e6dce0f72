package org.daesweep.search.bench;

import org.daesweep.search.TrialExecutor;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialPiece;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for the Spark executors: each piece of training takes the problem's seconds per
 * epoch on a simulated clock and returns the recorded curve, and when the loop waits, the piece
 * due first ends. So pieces end out of order, as on a cluster, in no real time.
 */
final class SimulatedCluster implements TrialExecutor {
    private final Problem problem;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingDouble(Pending::endsAt).thenComparingLong(Pending::order));
    private double now;
    private long submitted;

    SimulatedCluster(Problem problem) {
        this.problem = problem;
    }

    private record Pending(double endsAt, long order, TrialPiece piece, CompletableFuture<TrialPiece> future) {
    }

    @Override
    public CompletableFuture<TrialPiece> run(TrialSpec spec, Checkpoint from, double untilEpochs) {
        Problem.Curve curve = problem.curve(spec.hyperparameters());
        int start = from == null ? 0 : from.epochs().size();
        int until = (int) Math.round(untilEpochs);
        int reached = Math.min(until, curve.validationMse().length);
        List<EpochStats> epochs = new ArrayList<>(from == null ? List.of() : from.epochs());
        for (int e = start; e < reached; e++) {
            double mse = curve.validationMse()[e];
            epochs.add(new EpochStats(e + 1, mse, mse, mse, curve.secondsPerEpoch(), 0, Double.NaN));
        }
        double seconds = (reached - start) * curve.secondsPerEpoch();
        TrialPiece piece;
        if (curve.failsBy(until)) {
            piece = new TrialPiece(TrialResult.unmeasured(spec, curve.ending(), epochs, "recorded so", "sim", "sim"),
                    null, false);
        } else {
            double last = epochs.get(epochs.size() - 1).validationMse();
            TrialResult result = new TrialResult(spec, TrialStatus.OK, "",
                    new TrialResult.Training(epochs, until, last, 0, seconds),
                    new TrialResult.Placement("sim", "sim"), TrialResult.Rungs.NONE);
            piece = new TrialPiece(result, until < problem.epochs() ? new Checkpoint(epochs, null, new byte[0]) : null,
                    false);
        }
        CompletableFuture<TrialPiece> future = new CompletableFuture<>();
        pending.add(new Pending(now + seconds, submitted++, piece, future));
        return future;
    }

    @Override
    public void waiting() {
        Pending next = pending.poll();
        if (next != null) {
            now = next.endsAt();
            next.future().complete(next.piece());
        }
    }

    /** Simulated seconds since the sweep began. */
    double now() {
        return now;
    }
}
