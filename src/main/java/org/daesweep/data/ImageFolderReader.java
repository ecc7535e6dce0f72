package org.daesweep.data;

import org.apache.hadoop.fs.Path;
import org.daesweep.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a folder of image files (at any depth, in path order) as grayscale training images.
 * Colour images become their luma, with a note in the log. Images must share one size, unless
 * a size is given: then each is centre-cropped or mirror-padded to it. Files whose names are not
 * images are left out and counted; an image that cannot be decoded is an error naming it, since
 * a sweep's data must be what the user meant.
 */
public final class ImageFolderReader implements ImageReader {
    private static final Logger log = LoggerFactory.getLogger(ImageFolderReader.class);
    private final ImageSize size;

    /** @param size the size every image is fitted to, or null to require one size throughout */
    public ImageFolderReader(ImageSize size) {
        this.size = size;
    }

    @Override
    public ImageSet read(Storage storage, Path dir) {
        List<Path> images = imageFiles(storage, dir);
        List<float[]> planes = new ArrayList<>(images.size());
        int height = 0;
        int width = 0;
        int colour = 0;
        for (Path file : images) {
            Picture p = decode(storage, file);
            if (height == 0) {
                height = size != null ? size.height() : p.height();
                width = size != null ? size.width() : p.width();
            } else if (size == null && (p.height() != height || p.width() != width)) {
                throw new UserException(file + ": is " + p.height() + "x" + p.width() + " where the images before it are "
                        + height + "x" + width + "; set data.size (e.g. data.size = \"" + height + "x" + width
                        + "\") to crop or pad every image to one size");
            }
            colour += p.isColour() ? 1 : 0;
            planes.add(p.lumaFitted(height, width));
        }
        if (colour > 0) {
            log.info("{}: {} colour images converted to grayscale (luma, ITU-R BT.601)", dir, colour);
        }
        float[] pixels = new float[planes.size() * height * width];
        for (int i = 0; i < planes.size(); i++) {
            System.arraycopy(planes.get(i), 0, pixels, i * height * width, height * width);
        }
        return new ImageSet(pixels, planes.size(), height, width);
    }

    /** Every image at its own size, as its luma, in path order: photographs to cut patches from. */
    public Gallery readGallery(Storage storage, Path dir) {
        List<ImageSet> images = new ArrayList<>();
        for (Path file : imageFiles(storage, dir)) {
            Picture p = decode(storage, file);
            images.add(new ImageSet(p.luma(), 1, p.height(), p.width()));
        }
        return new Gallery(images);
    }

    /** The image files below {@code dir} in path order; the others are counted in the log. */
    private static List<Path> imageFiles(Storage storage, Path dir) {
        if (!storage.isDirectory(dir)) {
            throw new UserException(dir + ": not a directory of image files");
        }
        List<Path> images = new ArrayList<>();
        List<Path> all = storage.filesBelow(dir);
        for (Path file : all) {
            if (PictureCodec.isImageName(file.getName())) {
                images.add(file);
            }
        }
        if (images.isEmpty()) {
            throw new UserException(dir + ": holds no image files (" + PictureCodec.suffixList() + ")");
        }
        if (all.size() > images.size()) {
            log.info("{}: {} files that are not images left out", dir, all.size() - images.size());
        }
        return images;
    }

    private static Picture decode(Storage storage, Path file) {
        try {
            return PictureCodec.decode(storage.readAll(file));
        } catch (PictureCodec.BadImageException e) {
            throw new UserException(file + ": not a readable image (" + e.getMessage() + ")");
        }
    }
}
