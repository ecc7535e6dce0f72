package org.daesweep.data;

import org.apache.hadoop.fs.Path;

/** Reads a source of grayscale images into pixels scaled to [0,1]. A plug-in point for new formats. */
public interface ImageReader {
    /**
     * @throws org.daesweep.UserException naming the file and the problem when it cannot be read
     */
    ImageSet read(Storage storage, Path path);
}
