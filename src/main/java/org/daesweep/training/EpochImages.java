package org.daesweep.training;

import org.daesweep.data.Dihedral;
import org.daesweep.data.ImageSet;

import java.util.Random;

/**
 * The training pairs of one epoch: the noisy images the driver drew, or fresh noise from the
 * second epoch on (on fresh crops, when training on patches), each pair flipped or turned at
 * random under {@code augment = dihedral}. They derive from the seed and the epoch alone, so a
 * run resumed mid-epoch sees the same images.
 */
public record EpochImages(ImageSet noisy, ImageSet clean) {
    public static EpochImages of(TrainingData data, boolean augment, long seed, int epoch) {
        ImageSet clean = epoch > 1 && data.patches() != null ? data.patches().crops(seed, epoch) : data.cleanTrain();
        int[] poses = augment ? Dihedral.draw(clean, new Random(seed * 7_919L + epoch)) : null;
        if (epoch > 1 && data.freshNoise() != null) {
            // Drawn on the turned image, so a noise with a direction (stripes, say) keeps it.
            ImageSet posed = pose(clean, poses);
            return new EpochImages(data.freshNoise().apply(posed, noiseSeed(seed, epoch)), posed);
        }
        return new EpochImages(pose(data.noisyTrain(), poses), pose(clean, poses));
    }

    /** The seed of a trial's fresh training noise in an epoch. */
    static long noiseSeed(long trialSeed, int epoch) {
        return trialSeed * 1_000_003L + epoch;
    }

    private static ImageSet pose(ImageSet images, int[] poses) {
        return poses == null ? images : Dihedral.applyEach(images, poses);
    }
}
