package org.daesweep.denoise;

import org.daesweep.data.Picture;

/**
 * One input read for denoising: its position among the inputs, its name (a relative path, or the
 * image's index in an IDX file), and the picture, or why it could not be read.
 */
record Item(int index, String name, Picture picture, String problem) {
    static Item read(int index, String name, Picture picture) {
        return new Item(index, name, picture, null);
    }

    static Item unreadable(int index, String name, String problem) {
        return new Item(index, name, null, problem);
    }

    boolean ok() {
        return picture != null;
    }
}
