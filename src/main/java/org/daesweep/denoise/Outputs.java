package org.daesweep.denoise;

import org.apache.hadoop.fs.Path;
import org.daesweep.data.IdxWriter;
import org.daesweep.data.Picture;
import org.daesweep.data.PictureCodec;
import org.daesweep.data.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/** Where denoised images go; every file is written whole or not at all. */
sealed interface Outputs extends Serializable {
    /** The writer of one share of the inputs. */
    Sink open(Storage storage, int share);

    /** After every share: whatever joins the shares' writes into the final result. */
    default void finish(Storage storage, int shares) {
    }

    /** Called when a run fails, to leave no temporary files behind. */
    default void abandon(Storage storage) {
    }

    interface Sink extends AutoCloseable {
        void write(Item item, Picture denoised) throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * One IDX file, in input order. Each share writes its images to a part file in a hidden
     * folder beside the output; the parts are joined behind one header, then renamed into place.
     */
    record Idx(Path file, boolean gzip, int count, int height, int width) implements Outputs {
        private Path parts() {
            return new Path(file.getParent(), "." + file.getName() + ".parts");
        }

        private Path part(int share) {
            return new Path(parts(), String.format("part-%05d", share));
        }

        @Override
        public Sink open(Storage storage, int share) {
            OutputStream out;
            try {
                out = storage.fs(part(share)).create(part(share), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + part(share), e);
            }
            IdxWriter writer = IdxWriter.headless(out);
            return new Sink() {
                @Override
                public void write(Item item, Picture denoised) throws IOException {
                    writer.write(denoised.planes()[0]);
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public void finish(Storage storage, int shares) {
            storage.writeAtomically(file, out -> {
                IdxWriter writer = new IdxWriter(out, gzip, count, height, width);
                for (int s = 0; s < shares; s++) {
                    try (InputStream in = storage.open(part(s))) {
                        in.transferTo(writer.raw());
                    }
                }
                writer.finish();
            });
            storage.delete(parts());
        }

        @Override
        public void abandon(Storage storage) {
            storage.delete(parts());
        }
    }

    /** One image file per input, under a root folder, at the given relative names (aligned with the inputs), each in the format its name says. */
    record Folder(Path root, List<String> names) implements Outputs {
        @Override
        public Sink open(Storage storage, int share) {
            return new Sink() {
                @Override
                public void write(Item item, Picture denoised) {
                    String name = names.get(item.index());
                    byte[] encoded = PictureCodec.encode(denoised, name);
                    storage.writeAtomically(new Path(root, name), out -> out.write(encoded));
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Nothing written: scores only. */
    record None() implements Outputs {
        @Override
        public Sink open(Storage storage, int share) {
            return new Sink() {
                @Override
                public void write(Item item, Picture denoised) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
