package org.daesweep.model;

import org.daesweep.runtime.NativeGarbage;
import org.daesweep.runtime.OpTimes;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass of a SameDiff graph (a training step, an inference) as a fixed list of native op
 * calls. SameDiff 1.0.0-M2.1 runs every pass through a new session, which for every op works
 * out the output shapes, allocates and zeroes fresh buffers and builds a context: a large share of
 * a small model's step (docs/DESIGN.md). A plan is recorded from SameDiff's own execution of a pass,
 * then replays the same ops with the same arguments into buffers it owns, kept from pass to pass
 * and, within a pass, shared by arrays whose lives do not overlap. Its results are SameDiff's to
 * the bit (RecordedPassTest). It holds for one input shape only; the arrays it keeps are overwritten
 * by its next run.
 */
final class RecordedPass {
    /**
     * Ops a replay runs with libnd4j's own kernels, not oneDNN's: on NCHW arrays oneDNN's max
     * pooling and its backward pass are several times slower, with the same results to the bit.
     */
    private static final Set<String> WITHOUT_HELPERS = Set.of("maxpool2d", "maxpool2d_bp");
    private final List<DifferentialFunction> ops;
    private final List<OpContext> contexts;
    private final Map<String, INDArray> placeholders;
    private final Map<String, INDArray> kept;
    /** Every buffer the plan allocated (placeholders, op outputs), each once. */
    private final List<INDArray> owned;

    private RecordedPass(List<DifferentialFunction> ops, List<OpContext> contexts, Map<String, INDArray> placeholders,
                     Map<String, INDArray> kept, List<INDArray> owned) {
        this.ops = ops;
        this.contexts = contexts;
        this.placeholders = placeholders;
        this.kept = kept;
        this.owned = owned;
    }

    /**
     * Watches one pass of SameDiff (a training step or an inference) and keeps, for every op it
     * runs, what a replay needs.
     */
    static final class Recorder extends BaseListener {
        private final Operation pass;
        private final List<Call> calls = new ArrayList<>();

        Recorder(Operation pass) {
            this.pass = pass;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == pass;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                                INDArray[] outputs) {
            calls.add(new Call(op.getOp(), op.getInputsToOp() == null ? List.of() : List.copyOf(op.getInputsToOp()),
                    List.copyOf(op.getOutputsOfOp()),
                    context.getIArguments().stream().mapToLong(Long::longValue).toArray(),
                    context.getTArguments().stream().mapToDouble(Double::doubleValue).toArray(),
                    booleans(context.getBArguments()),
                    context.getDArguments().toArray(new DataType[0]),
                    context.getInputArrays().toArray(new INDArray[0]),
                    Arrays.stream(outputs).map(o -> new Shape(o.dataType(), o.shape())).toArray(Shape[]::new)));
        }
    }

    /** An op as SameDiff ran it: its arguments, its inputs' arrays then, its outputs' shapes. */
    private record Call(DifferentialFunction op, List<String> inputs, List<String> outputs, long[] iArgs,
                        double[] tArgs, boolean[] bArgs, DataType[] dArgs, INDArray[] inputArrays,
                        Shape[] outputShapes) {
    }

    /** A buffer's type and shape: buffers are shared only between arrays of the same. */
    private record Shape(DataType type, List<Long> dims) {
        Shape(DataType type, long[] dims) {
            this(type, Arrays.stream(dims).boxed().toList());
        }

        INDArray allocate(List<INDArray> owned) {
            INDArray array = Nd4j.createUninitialized(type, dims.stream().mapToLong(Long::longValue).toArray(), 'c');
            owned.add(array);
            return array;
        }
    }

    /**
     * The plan of the pass {@code recorder} saw. {@code keep}: arrays read after the pass (the
     * gradients, the loss, the output), which no other array may share.
     */
    static RecordedPass of(SameDiff sd, Recorder recorder, Set<String> keep) {
        List<Call> calls = recorder.calls;
        Map<String, Integer> lastUse = new HashMap<>();
        for (int k = 0; k < calls.size(); k++) {
            for (String in : calls.get(k).inputs()) {
                lastUse.put(in, k);
            }
        }
        Buffers buffers = new Buffers(keep);
        Map<String, INDArray> placeholders = new HashMap<>();
        List<DifferentialFunction> ops = new ArrayList<>();
        List<OpContext> contexts = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            Call call = calls.get(k);
            INDArray[] inputs = new INDArray[call.inputs().size()];
            for (int i = 0; i < inputs.length; i++) {
                String name = call.inputs().get(i);
                inputs[i] = buffers.live.containsKey(name) ? buffers.live.get(name)
                        : outside(sd, name, call.inputArrays()[i], placeholders, buffers.owned);
            }
            INDArray[] outputs = new INDArray[call.outputs().size()];
            for (int j = 0; j < outputs.length; j++) {
                outputs[j] = buffers.output(call.outputs().get(j), call.outputShapes()[j]);
            }
            ops.add(call.op());
            contexts.add(context(call, inputs, outputs));
            // Only now, so an op never writes into a buffer it reads.
            buffers.release(concat(call.inputs(), call.outputs()), lastUse, k);
        }
        if (!buffers.kept.keySet().equals(keep)) {
            throw new IllegalStateException("the recorded pass did not compute " + keep + ", only " + buffers.kept.keySet());
        }
        NativeGarbage.grewByLiveMemory();
        return new RecordedPass(ops, contexts, placeholders, buffers.kept, buffers.owned);
    }

    private static OpContext context(Call call, INDArray[] inputs, INDArray[] outputs) {
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(call.iArgs());
        context.setTArguments(call.tArgs());
        context.setBArguments(call.bArgs());
        if (call.dArgs().length > 0) {
            context.setDArguments(call.dArgs());
        }
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        context.allowHelpers(!WITHOUT_HELPERS.contains(call.op().opName()));
        return context;
    }

    /**
     * The arrays a plan owns while it is recorded: a freed array of a shape serves the next
     * output of that shape, except the arrays read after the pass ({@code keep}), which no other
     * array may share.
     */
    private static final class Buffers {
        private final Set<String> keep;
        private final Map<Shape, Deque<INDArray>> free = new HashMap<>();
        private final Map<String, INDArray> live = new HashMap<>();
        private final Map<String, Shape> shapes = new HashMap<>();
        private final Map<String, INDArray> kept = new HashMap<>();
        private final List<INDArray> owned = new ArrayList<>();

        Buffers(Set<String> keep) {
            this.keep = keep;
        }

        INDArray output(String name, Shape shape) {
            Deque<INDArray> pool = free.get(shape);
            INDArray array = keep.contains(name) || pool == null || pool.isEmpty() ? shape.allocate(owned) : pool.pop();
            live.put(name, array);
            shapes.put(name, shape);
            if (keep.contains(name)) {
                kept.put(name, array);
            }
            return array;
        }

        /** Frees the named arrays that no call after {@code k} reads. */
        void release(Iterable<String> names, Map<String, Integer> lastUse, int k) {
            for (String name : names) {
                if (live.containsKey(name) && lastUse.getOrDefault(name, -1) <= k && !keep.contains(name)) {
                    free.computeIfAbsent(shapes.get(name), s -> new ArrayDeque<>()).push(live.remove(name));
                }
            }
        }
    }

    /**
     * An input no recorded op computes: a placeholder gets an array of its own that each step
     * fills; a parameter is its live array, which the optimiser updates in place; a constant is
     * what the step read.
     */
    private static INDArray outside(SameDiff sd, String name, INDArray recorded, Map<String, INDArray> placeholders,
                                    List<INDArray> owned) {
        SameDiff gradients = sd.getFunction("grad");
        SDVariable v = sd.hasVariable(name) ? sd.getVariable(name)
                : gradients == null ? null : gradients.getVariable(name);
        if (v == null) {
            throw new IllegalStateException("cannot plan the pass: no op computes its input " + name);
        }
        return switch (v.getVariableType()) {
            case PLACEHOLDER -> placeholders.computeIfAbsent(name,
                    n -> new Shape(recorded.dataType(), recorded.shape()).allocate(owned));
            case VARIABLE -> v.getArr();
            case CONSTANT -> recorded;
            default -> throw new IllegalStateException("cannot plan the pass: no op computes its input " + name
                    + " (" + v.getVariableType() + ")");
        };
    }

    /** Whether a batch of these placeholder values fits the plan. */
    boolean fits(Map<String, INDArray> batch) {
        return batch.keySet().equals(placeholders.keySet()) && batch.entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue().shape(), placeholders.get(e.getKey()).shape()));
    }

    /** Runs the pass on a batch that {@link #fits}. */
    void run(Map<String, INDArray> batch) {
        run(batch, null);
    }

    /** Runs the pass on a batch that {@link #fits}, timing each op into {@code profile} unless null. */
    void run(Map<String, INDArray> batch, OpTimes profile) {
        batch.forEach((name, value) -> placeholders.get(name).assign(value));
        for (int k = 0; k < ops.size(); k++) {
            long started = profile == null ? 0 : System.nanoTime();
            if (ops.get(k) instanceof CustomOp custom) {
                Nd4j.getExecutioner().exec(custom, contexts.get(k));
            } else {
                Nd4j.getExecutioner().exec((Op) ops.get(k), contexts.get(k));
            }
            if (profile != null) {
                profile.add(ops.get(k).opName() + " " + ops.get(k).getOwnName(), System.nanoTime() - started);
            }
        }
        if (profile != null) {
            profile.passEnded();
        }
    }

    /** An array the last run computed and the plan keeps. */
    INDArray get(String name) {
        return kept.get(name);
    }

    /**
     * Frees the plan's buffers now, instead of whenever the collector finds the plan dead; the
     * plan must not run again. Parameters and constants are not the plan's and stay.
     */
    void release() {
        owned.forEach(INDArray::close);
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] b = new boolean[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = values.get(i);
        }
        return b;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
