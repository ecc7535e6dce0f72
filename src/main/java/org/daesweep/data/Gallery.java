package org.daesweep.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gray images of any sizes, in source order, each an {@link ImageSet} of one: photographs to cut
 * training patches from, or to test on whole.
 */
public record Gallery(List<ImageSet> images) implements Serializable {
    public Gallery {
        images = List.copyOf(images);
        if (images.stream().anyMatch(i -> i.count() != 1)) {
            throw new IllegalArgumentException("a gallery holds one image per entry");
        }
    }

    /** The images of a set, one entry each. */
    public static Gallery of(ImageSet set) {
        List<ImageSet> images = new ArrayList<>(set.count());
        for (int i = 0; i < set.count(); i++) {
            images.add(set.select(new int[]{i}));
        }
        return new Gallery(images);
    }

    public int count() {
        return images.size();
    }

    public ImageSet image(int i) {
        return images.get(i);
    }

    /** The first {@code n} images, or all of them when {@code n} is 0 or more than there are. */
    public Gallery head(int n) {
        return n <= 0 || n >= images.size() ? this : new Gallery(images.subList(0, n));
    }

    public Gallery select(int[] indices) {
        List<ImageSet> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(images.get(i));
        }
        return new Gallery(out);
    }

    public Gallery concat(Gallery other) {
        List<ImageSet> out = new ArrayList<>(images);
        out.addAll(other.images);
        return new Gallery(out);
    }

    /**
     * {@code perImage} random {@code size x size} crops of every image, image by image, from a
     * seeded draw; an image smaller than the crop is extended by reflection.
     */
    public ImageSet crops(int size, int perImage, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int area = size * size;
        float[] out = new float[images.size() * perImage * area];
        int at = 0;
        for (ImageSet image : images) {
            int h = image.height();
            int w = image.width();
            for (int k = 0; k < perImage; k++) {
                int top = random.nextInt(Math.max(1, h - size + 1));
                int left = random.nextInt(Math.max(1, w - size + 1));
                System.arraycopy(Mirror.window(image.pixels(), h, w, top, left, size, size), 0, out, at, area);
                at += area;
            }
        }
        return new ImageSet(out, images.size() * perImage, size, size);
    }

    /** The positions of the images of each size, sizes in the order they first appear. */
    public Map<ImageSize, int[]> bySize() {
        Map<ImageSize, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            groups.computeIfAbsent(new ImageSize(images.get(i).height(), images.get(i).width()), s -> new ArrayList<>())
                    .add(i);
        }
        Map<ImageSize, int[]> out = new LinkedHashMap<>();
        groups.forEach((size, members) -> out.put(size, members.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** Images of one size as one set. */
    public ImageSet asSet(int[] indices) {
        ImageSet first = images.get(indices[0]);
        float[] out = new float[indices.length * first.imageSize()];
        for (int i = 0; i < indices.length; i++) {
            ImageSet image = images.get(indices[i]);
            if (image.height() != first.height() || image.width() != first.width()) {
                throw new IllegalArgumentException("images of two sizes cannot make one set");
            }
            System.arraycopy(image.pixels(), 0, out, i * first.imageSize(), first.imageSize());
        }
        return new ImageSet(out, indices.length, first.height(), first.width());
    }
}
