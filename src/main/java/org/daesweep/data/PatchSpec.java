package org.daesweep.data;

import java.io.Serializable;

/**
 * Training on patches of images of any sizes: {@code perImage} random {@code size x size} crops
 * of every training image, drawn afresh every epoch; validation on fixed crops; the test on whole
 * images. A size of 0 trains on the images themselves.
 */
public record PatchSpec(int size, int perImage) implements Serializable {
    public static final PatchSpec NONE = new PatchSpec(0, 1);

    public PatchSpec {
        if (size < 0 || perImage < 1) {
            throw new IllegalArgumentException("patches: size 0 or more and per-image 1 or more, got " + size + " and "
                    + perImage);
        }
    }

    public boolean on() {
        return size > 0;
    }
}
