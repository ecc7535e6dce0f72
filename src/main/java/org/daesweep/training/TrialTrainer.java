package org.daesweep.training;

import org.daesweep.data.ImageSet;
import org.daesweep.data.Permutation;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.ModelFile;
import org.daesweep.trial.Checkpoint;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.PartialEpoch;
import org.daesweep.trial.TrialStatus;
import org.nd4j.autodiff.listeners.Listener;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
    /** Nanoseconds, for trial.timeout: System.nanoTime, or a test's clock. */
    private final LongSupplier clock;

    /** @param stepListeners also see every training step, e.g. a profiler */
    public TrialTrainer(Listener... stepListeners) {
        this(System::nanoTime, stepListeners);
    }

    TrialTrainer(LongSupplier clock, Listener... stepListeners) {
        this.clock = clock;
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
        Run run = new Run(hp, data, seed, checkpoint, timeout, onEpoch);
        long endStep = run.endStep(untilEpochs);
        for (long step = run.startStep(); step < endStep; ) {
            long start = System.nanoTime();
            int epoch = (int) (step / run.stepsPerEpoch) + 1;
            int firstBatch = (int) (step % run.stepsPerEpoch);
            int endBatch = (int) Math.min(run.stepsPerEpoch, endStep - (epoch - 1L) * run.stepsPerEpoch);
            Optional<TrainingRun> stopped = run.trainBatches(epoch, firstBatch, endBatch);
            if (stopped.isPresent()) {
                return stopped.get();
            }
            step = (epoch - 1L) * run.stepsPerEpoch + endBatch;
            stopped = run.judge(epoch, endBatch, step, endStep, start);
            if (stopped.isPresent()) {
                return stopped.get();
            }
        }
        return run.end(endStep);
    }

    /** One call of {@link #train}: the network, the epochs so far and what the current epoch has summed. */
    private final class Run {
        private final Hyperparameters hp;
        private final TrainingData data;
        private final long seed;
        private final Duration timeout;
        private final Consumer<EpochStats> onEpoch;
        private final long deadline;
        private final int stepsPerEpoch;
        private final long totalSteps;
        private final long startStep;
        private final DenoisingNetwork net;
        private final List<EpochStats> epochs;
        private final Batches inputs = new Batches();
        private final Batches targets = new Batches();
        private final int count;
        private PartialEpoch partial;
        private EpochImages images;
        private ImageSet predicted;
        private Denoiser validator;
        private double lastValidationMse = Double.NaN;
        private double validationRate = Double.NaN;
        private double lossSum;
        private double earlierSeconds;

        Run(Hyperparameters hp, TrainingData data, long seed, Checkpoint checkpoint, Duration timeout,
            Consumer<EpochStats> onEpoch) {
            this.hp = hp;
            this.data = data.forTrial(hp, seed);
            this.seed = seed;
            this.timeout = timeout;
            this.onEpoch = onEpoch;
            this.deadline = timeout.isZero() ? Long.MAX_VALUE : clock.getAsLong() + timeout.toNanos();
            this.count = this.data.cleanTrain().count();
            this.stepsPerEpoch = (count + hp.batchSize() - 1) / hp.batchSize();
            this.totalSteps = (long) stepsPerEpoch * hp.epochs();
            this.net = checkpoint == null
                    ? DenoisingNetwork.create(hp, this.data.height(), this.data.width(), seed, totalSteps)
                    : ModelFile.read(new ByteArrayInputStream(checkpoint.network()), "the checkpoint of a paused trial");
            for (Listener listener : stepListeners) {
                net.addTrainingListener(listener);
            }
            this.epochs = new ArrayList<>(checkpoint == null ? List.of() : checkpoint.epochs());
            this.partial = checkpoint == null ? null : checkpoint.partial();
            this.startStep = checkpoint == null ? 0 : checkpoint.steps(stepsPerEpoch);
        }

        long startStep() {
            return startStep;
        }

        /** Where this call stops: {@code untilEpochs} in whole batches, at least one step, at most the budget. */
        long endStep(double untilEpochs) {
            return Math.min(totalSteps, Math.max(startStep + 1, Math.round(untilEpochs * stepsPerEpoch)));
        }

        /** Batches {@code [firstBatch, endBatch)} of an epoch; a run that diverged or ran out of time. */
        Optional<TrainingRun> trainBatches(int epoch, int firstBatch, int endBatch) {
            images = EpochImages.of(data, hp.augmentsPoses(), seed, epoch);
            int[] order = Permutation.identity(count);
            Permutation.shuffle(order, new Random(seed ^ (epoch * 0x9E3779B97F4A7C15L)));
            lossSum = partial == null ? 0 : partial.lossSum();
            earlierSeconds = partial == null ? 0 : partial.seconds();
            for (int batch = firstBatch; batch < endBatch; batch++) {
                int from = batch * hp.batchSize();
                int to = Math.min(count, from + hp.batchSize());
                double score = net.fit(inputs.gather(images.noisy(), order, from, to),
                        targets.gather(images.clean(), order, from, to));
                if (!Double.isFinite(score)) {
                    return stop(TrialStatus.DIVERGED, "training loss became " + score + " in epoch " + epoch);
                }
                lossSum += score * (to - from);
                if (clock.getAsLong() > deadline) {
                    return stop(TrialStatus.TIMEOUT, "ran past trial.timeout (" + timeout + ") in epoch " + epoch);
                }
            }
            return Optional.empty();
        }

        /**
         * After a stretch of batches: BatchNorm's statistics, validation, the epoch's row (or a
         * partial epoch), and whether the run diverged or collapsed for good.
         */
        Optional<TrainingRun> judge(int epoch, int endBatch, long step, long endStep, long start) {
            // BatchNorm's population statistics serve inference only, so measuring them mid-epoch
            // does not change how training continues, and without validation they are needed only
            // when the run ends.
            if (data.hasValidation() || step >= endStep) {
                ImageSet sample = step >= totalSteps ? images.noisy() : images.noisy().head(RECALIBRATION_SAMPLE);
                net.recalibrate(Batches.inOrder(sample, RECALIBRATION_BATCH));
            }
            double validationLoss = validate();
            double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
            if (endBatch < stepsPerEpoch) {
                partial = new PartialEpoch(endBatch, stepsPerEpoch, lossSum, seconds);
            } else {
                partial = null;
                EpochStats stats = new EpochStats(epoch, lossSum / count, validationLoss, lastValidationMse, seconds,
                        System.currentTimeMillis(), validationRate);
                epochs.add(stats);
                onEpoch.accept(stats);
            }
            if (data.hasValidation() && !Double.isFinite(validationLoss)) {
                return stop(TrialStatus.DIVERGED, "validation loss became " + validationLoss + " in epoch " + epoch);
            }
            // The last epoch of the budget is judged at the end, stuck or not.
            Optional<String> stuck = partial == null && step < totalSteps ? stuckCollapse(epochs, predicted, data)
                    : Optional.empty();
            return stuck.isPresent() ? stop(TrialStatus.COLLAPSED, stuck.get()) : Optional.empty();
        }

        /** The validation loss in the trial's own loss (NaN without validation); keeps the MSE and the output. */
        private double validate() {
            if (!data.hasValidation()) {
                return Double.NaN;
            }
            long start = System.nanoTime();
            predicted = validator().denoise(data.noisyValidation());
            validationRate = data.noisyValidation().count() / ((System.nanoTime() - start) / 1e9);
            lastValidationMse = meanLoss("mse", predicted, data.cleanValidation());
            return meanLoss(hp.loss(), predicted, data.cleanValidation());
        }

        /**
         * The network's denoiser for the validation images: the trial's crops may be of another
         * size than the sweep's validation crops, and a graph at their size shares its parameters.
         */
        private Denoiser validator() {
            if (validator == null) {
                validator = new Denoiser(net.atSize(data.noisyValidation().height(), data.noisyValidation().width()));
            }
            return validator;
        }

        /**
         * The run as it ended well, or collapsed: judged at the end of the full budget only, since
         * after a rung's first epoch or two many networks that will train well still look flat,
         * and a scheduler prunes the flat ones anyway.
         */
        TrainingRun end(long endStep) {
            Optional<String> collapse = predicted != null && endStep == totalSteps ? collapse(predicted, data)
                    : Optional.empty();
            if (collapse.isPresent()) {
                return stop(TrialStatus.COLLAPSED, collapse.get()).get();
            }
            return new TrainingRun(net, epochs, partial, TrialStatus.OK, "", lastValidationMse);
        }

        private Optional<TrainingRun> stop(TrialStatus status, String message) {
            return Optional.of(new TrainingRun(net, epochs, null, status, message, lastValidationMse));
        }
    }

    private static double meanLoss(String loss, ImageSet predicted, ImageSet target) {
        return PixelLoss.sum(loss, predicted.pixels(), target.pixels()) / predicted.pixels().length;
    }

    private static Optional<String> collapse(ImageSet predicted, TrainingData data) {
        ImageSet target = data.cleanValidation();
        return Collapse.diagnose(predicted.pixels(), target.pixels(), target.count(), target.imageSize());
    }
}
