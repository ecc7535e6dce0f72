package org.daesweep.training;

import org.daesweep.data.Gallery;
import org.daesweep.data.ImageSet;

import java.io.Serializable;
import java.util.List;

/**
 * Training on patches: {@code perImage} random {@code size x size} crops of every training
 * image, drawn afresh every epoch, from images of any sizes. The validation images are kept
 * to join the training ones when the best configuration is retrained on both.
 */
public record Patches(Gallery train, Gallery validation, int size, int perImage) implements Serializable {
    public Patches {
        if (size < 1 || perImage < 1) {
            throw new IllegalArgumentException("patches need a size and a count of 1 or more, got " + size + " and "
                    + perImage);
        }
    }

    /** A trial's crops of the training images in one epoch: they derive from its seed and the epoch alone. */
    public ImageSet crops(long trialSeed, int epoch) {
        return train.crops(size, perImage, trialSeed * 104_729L + epoch);
    }

    /** The same images cut as a trial asks: its own side and count where it sets them (not 0). */
    public Patches as(int trialSize, int trialPerImage) {
        return new Patches(train, validation, trialSize > 0 ? trialSize : size, trialPerImage > 0 ? trialPerImage : perImage);
    }

    /** Crops of one epoch. */
    public int count() {
        return train.count() * perImage;
    }

    /** The validation images joined to the training ones. */
    public Patches merged() {
        return new Patches(train.concat(validation), new Gallery(List.of()), size, perImage);
    }
}
