package org.daesweep.data;

import org.apache.hadoop.fs.Path;
import org.daesweep.UserException;

/**
 * Reads a whole IDX image file (gzip-compressed or plain, any count and height x width) into
 * one set, pixels divided by 255.
 */
public final class IdxImageReader implements ImageReader {
    private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    @Override
    public ImageSet read(Storage storage, Path path) {
        try (IdxFile file = IdxFile.open(storage, path)) {
            if ((long) file.count() * file.imageSize() > MAX_PIXELS) {
                throw new UserException(path + ": " + file.count() + " images of " + file.height() + "x" + file.width()
                        + " are too many for one array");
            }
            return file.next(file.count());
        }
    }
}
