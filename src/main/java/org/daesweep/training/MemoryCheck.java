package org.daesweep.training;

import org.daesweep.data.ImageSize;
import org.daesweep.model.Hyperparameters;
import org.daesweep.model.MemoryEstimate;

import java.util.Optional;

/**
 * Refuses a training that would not fit before it allocates: a batch of thousands of wide
 * activations grows a JVM past the machine's memory in seconds, and the kernel's OOM killer
 * takes the whole sweep (and on a shared machine, maybe someone else's process) with it.
 */
public final class MemoryCheck {
    private MemoryCheck() {
    }

    /**
     * Why training {@code hp} on {@code data} needs more than {@code availableBytes}, or empty
     * when it fits or when nothing is known of the memory (0).
     */
    public static Optional<String> problem(Hyperparameters hp, TrainingData data, long availableBytes) {
        int batch = batch(hp, data);
        long needed = neededBytes(hp, data);
        if (availableBytes <= 0 || needed <= availableBytes) {
            return Optional.empty();
        }
        return Optional.of("needs ~" + MemoryEstimate.readable(needed) + " at batch size " + batch + ", a trial here has "
                + MemoryEstimate.readable(availableBytes) + ": lower batch-size or filters");
    }

    /**
     * Estimated peak bytes of training {@code hp} on {@code data}: its training steps at the size it
     * trains on, and validation at the size of the validation images, which may differ.
     */
    public static long neededBytes(Hyperparameters hp, TrainingData data) {
        ImageSize trained = data.trainingSize(hp);
        ImageSize validated = data.hasValidation()
                ? new ImageSize(data.noisyValidation().height(), data.noisyValidation().width()) : trained;
        return MemoryEstimate.of(hp, trained.height(), trained.width()).trainingBytes(batch(hp, data), 0)
                + MemoryEstimate.of(hp, validated.height(), validated.width())
                .inferenceBytes(Denoiser.largestBatch(hp, validated.height(), validated.width()));
    }

    /** A batch larger than the training set trains on all of it at once. */
    private static int batch(Hyperparameters hp, TrainingData data) {
        return Math.min(hp.batchSize(), data.trainingCount(hp));
    }
}
