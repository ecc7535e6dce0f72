package org.daesweep.model;

import org.daesweep.runtime.NativeGarbage;
import org.daesweep.runtime.OpTimes;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.config.BatchOutputConfig;

/**
 * A trainable denoiser: one configuration's graph and its parameters. Training updates the
 * parameter arrays in place, and the inference graph holds the same arrays, so there is never
 * a copy to keep in step.
 */
public final class DenoisingNetwork {
    private final Hyperparameters hp;
    private final int height;
    private final int width;
    private final Map<String, INDArray> params;
    private final SameDiff training;
    private final SameDiff inference;
    private final LossRecorder lossRecorder = new LossRecorder();
    private RecordedPass plan;
    /** The gradient variable of each parameter the plan's steps update; fixed with the plan. */
    private Map<String, String> gradients;
    private RecordedPass inferencePlan;
    private Listener[] listeners = {lossRecorder};
    private final long seed;
    private final long totalSteps;
    private final long[] dropoutShape;

    private DenoisingNetwork(Hyperparameters hp, int height, int width, Map<String, INDArray> params, long totalSteps,
                             long seed) {
        SameDiffGraph graph = new SameDiffGraph(hp, height, width);
        this.dropoutShape = graph.dropoutShape();
        this.seed = seed;
        this.totalSteps = totalSteps;
        this.hp = hp;
        this.height = height;
        this.width = width;
        this.params = params;
        this.training = graph.training(params, totalSteps);
        this.inference = graph.inference(params);
    }

    /** @param totalSteps the optimiser steps the training will take, over which the learning-rate schedule runs */
    public static DenoisingNetwork create(Hyperparameters hp, int height, int width, long seed, long totalSteps) {
        return new DenoisingNetwork(hp, height, width, new SameDiffGraph(hp, height, width).initialParameters(seed), totalSteps,
                seed);
    }

    /** A network with given parameters, as a saved model or a checkpoint restores it. */
    static DenoisingNetwork withParameters(Hyperparameters hp, int height, int width, Map<String, INDArray> params,
                                           long totalSteps, long seed) {
        Map<String, INDArray> expected = new SameDiffGraph(hp, height, width).initialParameters(0);
        if (!expected.keySet().equals(params.keySet())) {
            throw new IllegalArgumentException("parameters " + params.keySet() + " do not fit the configuration, which needs "
                    + expected.keySet());
        }
        expected.forEach((name, arr) -> {
            if (!Arrays.equals(arr.shape(), params.get(name).shape())) {
                throw new IllegalArgumentException("parameter " + name + " has shape "
                        + Arrays.toString(params.get(name).shape()) + ", expected " + Arrays.toString(arr.shape()));
            }
        });
        return new DenoisingNetwork(hp, height, width, params, totalSteps, seed);
    }

    /**
     * One optimiser step on a batch of [n,1,h,w] inputs and targets; returns the batch's mean
     * per-pixel loss. The first step runs through SameDiff and is recorded as a {@link RecordedPass};
     * later batches of its shape replay the plan (unless a listener other than the loss's and a
     * profile's watches; a profile then times the replayed ops, which are what training runs).
     */
    public double fit(INDArray noisy, INDArray clean) {
        Map<String, INDArray> batch = new HashMap<>(
                Map.of(SameDiffGraph.INPUT, noisy, SameDiffGraph.LABEL, clean));
        if (hp.dropout() > 0) {
            batch.put(SameDiffGraph.DROPOUT_MASK, dropoutMask(noisy.size(0), hp.dropout()));
        }
        if (plan != null && replayable() && plan.fits(batch)) {
            plan.run(batch, profile());
            applyUpdates();
            lossRecorder.last = plan.get(SameDiffGraph.PIXEL_LOSS).meanNumber().doubleValue();
        } else {
            fitWithSameDiff(batch);
        }
        NativeGarbage.collectIfGrown();
        return lossRecorder.last;
    }

    private void fitWithSameDiff(Map<String, INDArray> batch) {
        RecordedPass.Recorder recorder = plan == null && replayable()
                ? new RecordedPass.Recorder(Operation.TRAINING) : null;
        Listener[] all = recorder == null ? listeners : new Listener[]{lossRecorder, recorder};
        INDArray[] features = hp.dropout() > 0
                ? new INDArray[]{batch.get(SameDiffGraph.INPUT), batch.get(SameDiffGraph.DROPOUT_MASK)}
                : new INDArray[]{batch.get(SameDiffGraph.INPUT)};
        INDArray[] labels = {batch.get(SameDiffGraph.LABEL)};
        training.fit(new org.nd4j.linalg.dataset.MultiDataSet(features, labels), all);
        if (recorder != null) {
            gradients = gradientNames();
            Set<String> keep = new HashSet<>(gradients.values());
            keep.add(SameDiffGraph.PIXEL_LOSS);
            plan = RecordedPass.of(training, recorder, keep);
        }
    }

    /** What SameDiff's training session does with a step's gradients (no regularisation is configured). */
    private void applyUpdates() {
        TrainingConfig config = training.getTrainingConfig();
        int iteration = config.getIterationCount();
        int epoch = config.getEpochCount();
        gradients.forEach((name, gradient) -> {
            INDArray g = plan.get(gradient);
            training.getUpdaterMap().get(name).applyUpdater(g, iteration, epoch);
            params.get(name).subi(g);
        });
        // SameDiff counts each fit call as an epoch.
        config.incrementIterationCount();
        config.incrementEpochCount();
    }

    /**
     * The gradient variables of the parameters a step updates, by parameter: BatchNorm's population
     * statistics have an updater but no gradient, so SameDiff never updates them either.
     */
    private Map<String, String> gradientNames() {
        Map<String, String> names = new LinkedHashMap<>();
        training.getUpdaterMap().keySet().forEach(name -> {
            SDVariable gradient = training.grad(name);
            if (gradient != null) {
                names.put(name, gradient.name());
            }
        });
        return names;
    }

    /** Denoised images for a [n,1,h,w] batch; the first batch's shape is planned, as in {@link #fit}. */
    public INDArray predict(INDArray noisy) {
        Map<String, INDArray> batch = Map.of(SameDiffGraph.INPUT, noisy);
        INDArray output;
        if (inferencePlan != null && inferencePlan.fits(batch)) {
            inferencePlan.run(batch);
            output = inferencePlan.get(SameDiffGraph.OUTPUT).dup(); // the plan's array is the next batch's
        } else {
            // SameDiff may hold its own reference per variable; point it at the live arrays.
            params.forEach((name, arr) -> inference.associateArrayWithVariable(arr, name));
            RecordedPass.Recorder recorder = inferencePlan == null ? new RecordedPass.Recorder(Operation.INFERENCE) : null;
            BatchOutputConfig pass = inference.batchOutput()
                    .input(SameDiffGraph.INPUT, noisy).output(SameDiffGraph.OUTPUT);
            output = (recorder == null ? pass : pass.listeners(recorder)).output().get(SameDiffGraph.OUTPUT);
            if (recorder != null) {
                inferencePlan = RecordedPass.of(inference, recorder, Set.of(SameDiffGraph.OUTPUT));
            }
        }
        NativeGarbage.collectIfGrown();
        return output;
    }

    /**
     * Frees the buffers of the recorded passes now (activations and gradients at batch 64 on
     * 28x28 images: 38 MB for the baseline, 142 MB for 64 filters with BatchNorm, 270 MB for the
     * U-Net), rather than when the collector finds a finished trial's network dead, which took a
     * full collection at the end of every trial piece. The network stays usable: its next step
     * is recorded afresh.
     */
    public void releasePlans() {
        if (plan != null) {
            plan.release();
            plan = null;
        }
        if (inferencePlan != null) {
            inferencePlan.release();
            inferencePlan = null;
        }
    }

    /**
     * Sets BatchNorm's population statistics to the exact mean and variance of its input over
     * the given batches (a pass with the current weights), instead of a running average that
     * lags behind the weights; dropout is off for this pass, as in inference. A no-op without
     * BatchNorm.
     */
    public void recalibrate(Iterable<INDArray> batches) {
        List<String> layers = SameDiffGraph.batchNormLayers(params);
        if (layers.isEmpty()) {
            return;
        }
        String[] outputs = layers.stream()
                .flatMap(l -> Stream.of(l + SameDiffGraph.BATCH_MEAN, l + SameDiffGraph.BATCH_VAR))
                .toArray(String[]::new);
        Map<String, INDArray> sums = new HashMap<>();
        long n = 0;
        for (INDArray batch : batches) {
            Map<String, INDArray> feed = hp.dropout() > 0
                    ? Map.of(SameDiffGraph.INPUT, batch, SameDiffGraph.DROPOUT_MASK, dropoutMask(batch.size(0), 0))
                    : Map.of(SameDiffGraph.INPUT, batch);
            Map<String, INDArray> out = training.output(feed, outputs);
            long size = batch.size(0);
            for (String layer : layers) {
                INDArray mean = out.get(layer + SameDiffGraph.BATCH_MEAN);
                INDArray meanSquare = out.get(layer + SameDiffGraph.BATCH_VAR).add(mean.mul(mean));
                sums.merge(layer + SameDiffGraph.MEAN, mean.mul(size), INDArray::addi);
                sums.merge(layer + SameDiffGraph.VAR, meanSquare.mul(size), INDArray::addi);
            }
            n += size;
        }
        if (n == 0) {
            return;
        }
        for (String layer : layers) {
            INDArray mean = sums.get(layer + SameDiffGraph.MEAN).div(n);
            params.get(layer + SameDiffGraph.MEAN).assign(mean);
            params.get(layer + SameDiffGraph.VAR).assign(sums.get(layer + SameDiffGraph.VAR).div(n).sub(mean.mul(mean)));
        }
    }

    /**
     * Keeps each unit with probability 1 - rate, scaled by 1 / (1 - rate); rate 0 keeps all. Drawn
     * from the seed and the step count, so training continued from a checkpoint draws the masks
     * an uninterrupted run would.
     */
    INDArray dropoutMask(long n, double rate) {
        Random dropoutRandom = new Random(seed * 0x9E3779B97F4A7C15L + iteration());
        float keep = (float) (1 - rate);
        float[] mask = new float[Math.toIntExact(n * dropoutShape[0] * dropoutShape[1] * dropoutShape[2])];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = dropoutRandom.nextFloat() < keep ? 1 / keep : 0;
        }
        return Nd4j.create(mask, new long[]{n, dropoutShape[0], dropoutShape[1], dropoutShape[2]}, 'c');
    }

    /**
     * This network's parameters (shared, not copied) in a graph for images of another size: the
     * networks are fully convolutional, so only the graph's placeholders depend on the size.
     * Sides must divide by 2^depth.
     */
    public DenoisingNetwork atSize(int newHeight, int newWidth) {
        if (newHeight == height && newWidth == width) {
            return this;
        }
        return new DenoisingNetwork(hp, newHeight, newWidth, params, totalSteps, seed);
    }

    private boolean replayable() {
        return Arrays.stream(listeners).allMatch(l -> l == lossRecorder || l instanceof OpTimes);
    }

    private OpTimes profile() {
        return Arrays.stream(listeners).filter(OpTimes.class::isInstance).map(OpTimes.class::cast)
                .findFirst().orElse(null);
    }

    /** Also reports every training step to {@code listener} (for profiling). */
    public void addTrainingListener(Listener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    /**
     * Adam's state of every parameter (keys {@code <parameter>/<state>}): what, with the parameters
     * and {@link #iteration()}, lets training continue elsewhere exactly as it would have here.
     * Empty before the first step.
     */
    public Map<String, INDArray> optimizerState() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        if (training.getUpdaterMap() != null) {
            training.getUpdaterMap().forEach((name, updater) -> {
                @SuppressWarnings("unchecked")
                Map<String, INDArray> s = updater.getState();
                s.forEach((key, value) -> state.put(name + "/" + key, value));
            });
        }
        return state;
    }

    /** Optimiser steps taken: drives Adam's bias correction and the learning-rate schedule. */
    public int iteration() {
        return training.getTrainingConfig().getIterationCount();
    }

    /** Puts back what {@link #optimizerState()} and {@link #iteration()} gave, before the next step. */
    void restoreOptimizer(Map<String, INDArray> state, int iteration) {
        if (state.isEmpty()) {
            return;
        }
        try {
            // SameDiff creates its updaters on the first fit only, with no public way to do it
            // earlier; without them there is nothing to put the state into.
            Method init = SameDiff.class.getDeclaredMethod("initializeTraining");
            init.setAccessible(true);
            init.invoke(training);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot initialise SameDiff's updaters", e);
        }
        Map<String, Map<String, INDArray>> byParameter = new HashMap<>();
        state.forEach((key, value) -> {
            int slash = key.lastIndexOf('/');
            byParameter.computeIfAbsent(key.substring(0, slash), k -> new HashMap<>())
                    .put(key.substring(slash + 1), value);
        });
        training.getUpdaterMap().forEach((name, updater) -> {
            Map<String, INDArray> s = byParameter.get(name);
            if (s == null) {
                throw new IllegalArgumentException("no optimiser state for parameter " + name);
            }
            updater.setState(s, false);
        });
        training.getTrainingConfig().setIterationCount(iteration);
    }

    long seed() {
        return seed;
    }

    long totalSteps() {
        return totalSteps;
    }

    public long parameterCount() {
        return params.entrySet().stream().filter(e -> !SameDiffGraph.isStatistic(e.getKey()))
                .mapToLong(e -> e.getValue().length()).sum();
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The parameter arrays by name, live (not copies). */
    Map<String, INDArray> parameters() {
        return params;
    }

    /**
     * Keeps the last step's loss. SameDiff 1.0.0-M2.1 reports 0 to iterationDone, and its
     * backward pass never runs the final mean, so this takes the per-pixel losses as they are
     * computed and averages them.
     */
    private static final class LossRecorder extends BaseListener {
        private double last = Double.NaN;

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                                INDArray[] outputs) {
            List<String> names = op.getOutputsOfOp();
            if (names != null && names.contains(SameDiffGraph.PIXEL_LOSS)) {
                last = outputs[names.indexOf(SameDiffGraph.PIXEL_LOSS)].meanNumber().doubleValue();
            }
        }
    }
}
