package org.daesweep.data;

import java.nio.file.Path;

/** Reads a file of grayscale images into pixels scaled to [0,1]. A plug-in point for new formats. */
public interface ImageReader {
    /**
     * @throws org.daesweep.UserException naming the file and the problem when it cannot be read
     */
    ImageSet read(Path file);
}
