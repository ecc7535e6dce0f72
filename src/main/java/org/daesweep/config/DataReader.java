package org.daesweep.config;

import org.daesweep.data.ImageSize;
import org.daesweep.data.ImageSource;
import org.daesweep.data.PatchSpec;
import org.daesweep.data.SplitSpec;

/** Reads the {@code data} block. */
final class DataReader {
    private DataReader() {
    }

    static SweepConfig.Data read(Keys k) {
        int limit = k.atLeast("data.limit", 0);
        SplitSpec split = new SplitSpec(k.fraction("data.test-fraction"), k.fraction("data.validation-fraction"),
                k.whole("data.split-seed"));
        return new SweepConfig.Data(images(k), limit, split, patches(k));
    }

    private static ImageSource images(Keys k) {
        String format = k.word("data.format");
        if (!ImageSource.FORMATS.contains(format)) {
            throw new BadKey("data.format: must be one of " + ImageSource.FORMATS + ", got " + k.text("data.format"));
        }
        String size = k.text("data.size").trim();
        try {
            return new ImageSource(k.text("data.images"), format,
                    size.isEmpty() || size.equals("0") ? null : ImageSize.parse(size));
        } catch (IllegalArgumentException e) {
            throw new BadKey("data.size: " + e.getMessage());
        }
    }

    private static PatchSpec patches(Keys k) {
        int size = k.integer("data.patches.size");
        if (size < 0) {
            throw new BadKey("data.patches.size: 0 (whole images) or a side in pixels, got " + size);
        }
        int perImage = k.positive("data.patches.per-image");
        if (size > 0 && !k.text("data.size").isBlank()) {
            throw new BadKey("data.size: patches are cut from the images at their own sizes; leave data.size empty "
                    + "with data.patches");
        }
        return new PatchSpec(size, perImage);
    }
}
