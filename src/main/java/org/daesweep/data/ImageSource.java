package org.daesweep.data;

import org.apache.hadoop.fs.Path;

import java.io.Serializable;
import java.util.List;

/**
 * Where a sweep's images come from and how to read them: an IDX file or a folder of image files,
 * on any file system Hadoop reaches.
 *
 * @param location a path or URI as the user wrote it
 * @param format   {@code auto} (a directory is a folder of images, a file is IDX), {@code idx} or {@code images}
 * @param size     the size every image is fitted to (centre-cropped or mirror-padded), or null to
 *                 take the images' own size (a folder's must then all share one)
 */
public record ImageSource(String location, String format, ImageSize size) implements Serializable {
    public static final List<String> FORMATS = List.of("auto", "idx", "images");

    public ImageSet read(Storage storage) {
        Path path = storage.path(location);
        ImageSet images = reader(storage, path).read(storage, path);
        return size == null ? images : images.fittedTo(size);
    }

    /** Every image at its own size (an IDX file's all share one): what patches are cut from. */
    public Gallery readGallery(Storage storage) {
        Path path = storage.path(location);
        return folder(storage, path) ? new ImageFolderReader(null).readGallery(storage, path)
                : Gallery.of(new IdxImageReader().read(storage, path));
    }

    private boolean folder(Storage storage, Path path) {
        return switch (format) {
            case "idx" -> false;
            case "images" -> true;
            default -> storage.isDirectory(path);
        };
    }

    private ImageReader reader(Storage storage, Path path) {
        return folder(storage, path) ? new ImageFolderReader(size) : new IdxImageReader();
    }

    @Override
    public String toString() {
        return location + (format.equals("auto") ? "" : " (" + format + ")") + (size == null ? "" : " fitted to " + size);
    }
}
