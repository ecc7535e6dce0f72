package org.daesweep.runtime;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall time per op during training steps: the profile that says which op to work on (bench
 * --profile). It listens to the steps SameDiff runs and is fed the ops of replayed steps; either
 * way ops run one after another, so the intervals do not overlap.
 */
public final class OpTimes extends BaseListener {
    /** Total time and call count of one op type. */
    public record Entry(String op, long nanos, long calls) {
    }

    private final Map<String, long[]> totals = new HashMap<>();
    private long started;
    private long passes;

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext context) {
        started = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                            INDArray[] outputs) {
        add(op.getOp().opName() + " " + op.getName(), System.nanoTime() - started);
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        passEnded();
    }

    /** A timed training step has ended. */
    public void passEnded() {
        passes++;
    }

    /** The training steps timed so far. */
    public long passes() {
        return passes;
    }

    /** One run of an op (its type and name) that took {@code nanos}. */
    public void add(String op, long nanos) {
        long[] t = totals.computeIfAbsent(op, k -> new long[2]);
        t[0] += nanos;
        t[1]++;
    }

    /** Op types by total time, longest first. */
    public List<Entry> byTime() {
        return totals.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Entry::nanos).reversed()).collect(Collectors.toList());
    }
}
