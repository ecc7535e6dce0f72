package org.daesweep.training;

import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.PartialEpoch;
import org.daesweep.trial.TrialStatus;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Permutation;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;

import java.io.ByteArrayInputStream;
import org.nd4j.autodiff.listeners.Listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains one configuration on in-memory data: pure Java and ND4J, no Spark, so it is tested and
 * profiled alone. Stops early with {@link TrialStatus#DIVERGED} when the loss stops being finite
 * and with {@link TrialStatus#TIMEOUT} past the time limit; ends {@link TrialStatus#COLLAPSED}
 * when the final validation output ignores the input.
 */
public final class TrialTrainer {
    private static final int RECALIBRATION_BATCH = 256;
    /**
     * Training images (the split has shuffled them) whose pass sets BatchNorm's statistics for
     * validation before the last epoch; after the last, every training image's. A pass over all
     * of them after every epoch cost a large share of a wide BatchNorm trial, and the sample's
     * statistics give validation MSEs all but equal.
     */
    private static final int RECALIBRATION_SAMPLE = 1024;
    /** Relative change of the validation MSE over an epoch below which a collapsed network counts as stuck. */
    private static final double STUCK_CHANGE = 1e-3;
    private final Listener[] stepListeners;

    /** @param stepListeners also see every training step, e.g. a profiler */
    public TrialTrainer(Listener... stepListeners) {
        this.stepListeners = stepListeners;
    }

    /**
     * A collapse that training will not undo: the output ignores the input and the validation MSE
     * did not move over the last epoch (dead units and a saturated sigmoid pass no gradient).
     * Stopping there saved the reference sweep's collapsed 128-filter trials 8 of their 10
     * epochs; a network that is merely slow to start still moves.
     */
    private static Optional<String> stuckCollapse(List<EpochStats> epochs, ImageSet predicted, TrainingData data) {
        if (predicted == null || epochs.size() < 2) {
            return Optional.empty();
        }
        double now = epochs.get(epochs.size() - 1).validationMse();
        double before = epochs.get(epochs.size() - 2).validationMse();
        if (Math.abs(now - before) > STUCK_CHANGE * before) {
            return Optional.empty();
        }
        return collapse(predicted, data)
                .map(why -> why + "; stopped after epoch " + epochs.size() + ", validation MSE unchanged since the one before");
    }

    /** Trains a fresh network for all of {@code hp.epochs()}; a zero {@code timeout} means none. */
    public TrainingRun train(Hyperparameters hp, TrainingData data, long seed, Duration timeout,
                             Consumer<EpochStats> onEpoch) {
        return train(hp, data, seed, null, hp.epochs(), timeout, onEpoch);
    }

    /**
     * Trains from a checkpoint ({@code null}: a fresh network) up to {@code untilEpochs} of
     * {@code hp.epochs()}, a fraction of an epoch included (rounded to whole batches, at least
     * one). The learning-rate schedule spans all of {@code hp.epochs()}, and each epoch's shuffle,
     * noise and dropout derive from the seed and the epoch or step, so training in pieces gives
     * the network that one uninterrupted run gives.
     */
    public TrainingRun train(Hyperparameters hp, TrainingData data, long seed, Checkpoint checkpoint,
                             double untilEpochs, Duration timeout, Consumer<EpochStats> onEpoch) {
        long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        ImageSet clean = data.cleanTrain();
        int n = clean.count();
        int stepsPerEpoch = (n + hp.batchSize() - 1) / hp.batchSize();
        long totalSteps = (long) stepsPerEpoch * hp.epochs();
        DenoisingNetwork net = checkpoint == null
                ? DenoisingNetwork.create(hp, data.height(), data.width(), seed, totalSteps)
                : ModelFile.read(new ByteArrayInputStream(checkpoint.network()), "the checkpoint of a paused trial");
        for (Listener listener : stepListeners) {
            net.addTrainingListener(listener);
        }
        long startStep = checkpoint == null ? 0 : checkpoint.steps(stepsPerEpoch);
        long endStep = Math.min(totalSteps, Math.max(startStep + 1, Math.round(untilEpochs * stepsPerEpoch)));
        List<EpochStats> epochs = new ArrayList<>(checkpoint == null ? List.of() : checkpoint.epochs());
        PartialEpoch partial = checkpoint == null ? null : checkpoint.partial();
        Batches inputs = new Batches();
        Batches targets = new Batches();
        ImageSet noisy = data.noisyTrain();
        ImageSet predicted = null;
        double lastValidationMse = Double.NaN;
        for (long step = startStep; step < endStep; ) {
            long start = System.nanoTime();
            int epoch = (int) (step / stepsPerEpoch) + 1;
            int firstBatch = (int) (step % stepsPerEpoch);
            int endBatch = (int) Math.min(stepsPerEpoch, endStep - (epoch - 1L) * stepsPerEpoch);
            if (epoch > 1 && data.freshNoise() != null) {
                noisy = data.freshNoise().apply(clean, seed * 1_000_003L + epoch);
            }
            int[] order = Permutation.identity(n);
            Permutation.shuffle(order, new Random(seed ^ (epoch * 0x9E3779B97F4A7C15L)));
            double lossSum = partial == null ? 0 : partial.lossSum();
            double earlierSeconds = partial == null ? 0 : partial.seconds();
            for (int batch = firstBatch; batch < endBatch; batch++) {
                int from = batch * hp.batchSize();
                int to = Math.min(n, from + hp.batchSize());
                double score = net.fit(inputs.gather(noisy, order, from, to), targets.gather(clean, order, from, to));
                if (!Double.isFinite(score)) {
                    return new TrainingRun(net, epochs, null, TrialStatus.DIVERGED,
                            "training loss became " + score + " in epoch " + epoch, lastValidationMse);
                }
                lossSum += score * (to - from);
                if (System.nanoTime() > deadline) {
                    return new TrainingRun(net, epochs, null, TrialStatus.TIMEOUT,
                            "ran past trial.timeout (" + timeout + ") in epoch " + epoch, lastValidationMse);
                }
            }
            step = (epoch - 1L) * stepsPerEpoch + endBatch;
            // BatchNorm's population statistics serve inference only, so measuring them mid-epoch
            // does not change how training continues, and without validation they are needed only
            // when the run ends.
            if (data.hasValidation() || step >= endStep) {
                ImageSet sample = step >= totalSteps ? noisy : noisy.head(RECALIBRATION_SAMPLE);
                net.recalibrate(Batches.inOrder(sample, RECALIBRATION_BATCH));
            }
            double validationLoss = Double.NaN;
            if (data.hasValidation()) {
                predicted = new Denoiser(net).denoise(data.noisyValidation());
                validationLoss = meanLoss(hp.loss(), predicted, data.cleanValidation());
                lastValidationMse = meanLoss("mse", predicted, data.cleanValidation());
            }
            double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
            if (endBatch < stepsPerEpoch) {
                partial = new PartialEpoch(endBatch, stepsPerEpoch, lossSum, seconds);
            } else {
                partial = null;
                EpochStats stats = new EpochStats(epoch, lossSum / n, validationLoss, lastValidationMse, seconds);
                epochs.add(stats);
                onEpoch.accept(stats);
            }
            if (data.hasValidation() && !Double.isFinite(validationLoss)) {
                return new TrainingRun(net, epochs, null, TrialStatus.DIVERGED,
                        "validation loss became " + validationLoss + " in epoch " + epoch, lastValidationMse);
            }
            // The last epoch of the budget is judged below, stuck or not.
            Optional<String> stuck = partial == null && step < totalSteps ? stuckCollapse(epochs, predicted, data)
                    : Optional.empty();
            if (stuck.isPresent()) {
                return new TrainingRun(net, epochs, null, TrialStatus.COLLAPSED, stuck.get(), lastValidationMse);
            }
        }
        // Judged at the end of the full budget only: after a rung's first epoch or two many
        // networks that will train well still look flat, and a scheduler prunes the flat ones anyway.
        Optional<String> collapse = predicted != null && endStep == totalSteps ? collapse(predicted, data)
                : Optional.empty();
        if (collapse.isPresent()) {
            return new TrainingRun(net, epochs, null, TrialStatus.COLLAPSED, collapse.get(), lastValidationMse);
        }
        return new TrainingRun(net, epochs, partial, TrialStatus.OK, "", lastValidationMse);
    }

    private static double meanLoss(String loss, ImageSet predicted, ImageSet target) {
        return PixelLoss.sum(loss, predicted.pixels(), target.pixels()) / predicted.pixels().length;
    }

    private static Optional<String> collapse(ImageSet predicted, TrainingData data) {
        ImageSet target = data.cleanValidation();
        return Collapse.diagnose(predicted.pixels(), target.pixels(), target.count(), target.imageSize());
    }
}
