package org.daesweep.denoise;

import org.apache.hadoop.fs.Path;
import org.daesweep.data.Gallery;
import org.daesweep.data.IdxFile;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Picture;
import org.daesweep.data.PictureCodec;
import org.daesweep.data.Storage;
import org.daesweep.training.SweepData;

import java.io.Closeable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.daesweep.UserException;

/**
 * Images to denoise (or their clean references), described on the driver and read in ranges
 * wherever a share of them runs: never the whole input in memory.
 */
sealed interface Inputs extends Serializable {
    int count();

    /** Reads items {@code [from, to)} in order, a chunk at a time. */
    Stream open(Storage storage, int from, int to);

    /** Items in order; unreadable ones come back with their problem. */
    interface Stream extends Closeable {
        List<Item> next(int max);

        @Override
        void close();
    }

    /** An IDX image file: item i is image i. */
    record Idx(Path file, int count, int height, int width) implements Inputs {
        static Idx of(Storage storage, Path file) {
            try (IdxFile idx = IdxFile.open(storage, file)) {
                return new Idx(file, idx.count(), idx.height(), idx.width());
            }
        }

        @Override
        public Stream open(Storage storage, int from, int to) {
            IdxFile idx = IdxFile.openAt(storage, file, from);
            return new Stream() {
                private int next = from;

                @Override
                public List<Item> next(int max) {
                    ImageSet chunk = idx.next(Math.min(max, to - next));
                    List<Item> items = new ArrayList<>(chunk.count());
                    for (int i = 0; i < chunk.count(); i++) {
                        items.add(Item.read(next + i, Integer.toString(next + i),
                                Picture.gray(chunk.image(i), height, width)));
                    }
                    next += chunk.count();
                    return items;
                }

                @Override
                public void close() {
                    idx.close();
                }
            };
        }
    }

    /** Image files under a root folder, by relative name, in this order. */
    record Files(Path root, List<String> names) implements Inputs {
        @Override
        public int count() {
            return names.size();
        }

        @Override
        public Stream open(Storage storage, int from, int to) {
            return new OneByOne(from, to, index -> read(storage, index));
        }

        private Item read(Storage storage, int index) {
            String name = names.get(index);
            try {
                return Item.read(index, name, PictureCodec.decode(storage.readAll(new Path(root, name))));
            } catch (PictureCodec.BadImageException | UserException e) {
                return Item.unreadable(index, name, e.getMessage());
            }
        }
    }

    /** Images already in memory (a sweep's test split), of any sizes, named by their index in the source. */
    record Memory(Gallery images, int[] sourceIndices) implements Inputs {
        /** The images of every group, in source order. */
        static Memory of(List<SweepData.TestImages> groups, Function<SweepData.TestImages, ImageSet> images) {
            Map<Integer, ImageSet> bySource = new TreeMap<>();
            for (SweepData.TestImages group : groups) {
                ImageSet set = images.apply(group);
                for (int i = 0; i < set.count(); i++) {
                    bySource.put(group.indices()[i], set.select(new int[]{i}));
                }
            }
            return new Memory(new Gallery(List.copyOf(bySource.values())),
                    bySource.keySet().stream().mapToInt(Integer::intValue).toArray());
        }

        @Override
        public int count() {
            return images.count();
        }

        @Override
        public Stream open(Storage storage, int from, int to) {
            return new OneByOne(from, to, index -> {
                ImageSet image = images.image(index);
                return Item.read(index, Integer.toString(sourceIndices[index]),
                        Picture.gray(image.image(0), image.height(), image.width()));
            });
        }
    }

    /** Items made one at a time from their index, with nothing to close. */
    final class OneByOne implements Stream {
        private final int to;
        private final IntFunction<Item> item;
        private int next;

        OneByOne(int from, int to, IntFunction<Item> item) {
            this.next = from;
            this.to = to;
            this.item = item;
        }

        @Override
        public List<Item> next(int max) {
            List<Item> items = new ArrayList<>();
            for (; next < to && items.size() < max; next++) {
                items.add(item.apply(next));
            }
            return items;
        }

        @Override
        public void close() {
        }
    }
}
