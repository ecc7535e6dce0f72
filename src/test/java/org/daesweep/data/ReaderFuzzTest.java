package org.daesweep.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.daesweep.Pictures;
import org.daesweep.TestData;
import org.daesweep.UserException;
import org.daesweep.config.ConfigLoader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated IDX files, image files and sweep files thrown at the readers: each ends in a value or a
 * one-line error of the readers' own kind, never another exception, and memory stays bounded (the
 * suite's heap is 4 GB, and a header claiming billions of pixels must not be believed).
 */
class ReaderFuzzTest {
    private static final Storage STORAGE = Storage.standalone();
    private static final byte[] IDX = TestData.idx(0x803, 6, 5, 4, TestData.strokes(6, 5, 4, 1));
    private static final List<byte[]> IMAGES = List.of(image("png", BufferedImage.TYPE_BYTE_GRAY),
            image("png", BufferedImage.TYPE_INT_ARGB), image("jpg", BufferedImage.TYPE_3BYTE_BGR),
            image("bmp", BufferedImage.TYPE_3BYTE_BGR), image("gif", BufferedImage.TYPE_BYTE_INDEXED));
    private static final String CONF = """
            sweep.name = fuzz
            data { images = "data/x.idx", limit = 10 }
            noise { type = gaussian, factor = 0.5 }
            trial { filters = 8, epochs = 2, batch-size = 16 }
            search { trials = 3, sampler = random, space { filters = [4, 8], learning-rate = { type = loguniform, min = 1e-4, max = 1e-2 } } }
            """;

    @Property(tries = 1500)
    void idxFilesReadOrFailInOneLine(@ForAll("mutatedIdx") byte[] bytes, @ForAll boolean gzip) throws IOException {
        Path file = Files.createTempFile("fuzz", ".idx");
        try {
            TestData.write(file, bytes, gzip);
            ImageSet images = new IdxImageReader().read(STORAGE, STORAGE.path(file.toString()));
            assertTrue(images.count() > 0);
        } catch (UserException e) {
            assertOneLine(e);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 1500)
    void imageFilesDecodeOrAreRefusedWithAReason(@ForAll("mutatedImages") byte[] bytes) {
        try {
            Picture p = PictureCodec.decode(bytes);
            assertTrue((long) p.height() * p.width() <= PictureCodec.MAX_PIXELS);
        } catch (PictureCodec.BadImageException e) {
            assertTrue(e.getMessage() == null || !e.getMessage().isBlank());
        }
    }

    @Property(tries = 1000)
    void sweepFilesLoadOrFailInOneLine(@ForAll("mutatedConf") String text) throws IOException {
        Path file = Files.createTempFile("fuzz", ".conf");
        try {
            Files.writeString(file, text);
            ConfigLoader.load(file, List.of());
        } catch (UserException e) {
            assertOneLine(e);
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedIdx() {
        return Arbitraries.oneOf(
                flips(IDX),
                Arbitraries.integers().between(0, IDX.length).map(n -> Arrays.copyOf(IDX, n)),
                // any header: counts and sizes up to Integer.MAX_VALUE over a short body
                Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                        Arbitraries.integers().between(0, 200)).as((count, h, w, body) -> {
                    ByteBuffer b = ByteBuffer.allocate(16 + body);
                    b.putInt(IdxFile.MAGIC_UBYTE_3D).putInt(count).putInt(h).putInt(w);
                    return b.array();
                }));
    }

    @Provide
    Arbitrary<byte[]> mutatedImages() {
        return Arbitraries.of(IMAGES).flatMap(image -> Arbitraries.oneOf(flips(image),
                Arbitraries.integers().between(0, image.length).map(n -> Arrays.copyOf(image, n)),
                // a header's size fields overwritten: PNG's IHDR and BMP's info header put them near the start
                Combinators.combine(Arbitraries.integers().between(8, 30), Arbitraries.integers()).as((at, v) -> {
                    byte[] b = image.clone();
                    ByteBuffer.wrap(b).putInt(Math.min(at, b.length - 4), v);
                    return b;
                })));
    }

    @Provide
    Arbitrary<String> mutatedConf() {
        Arbitrary<String> deleted = Combinators.combine(Arbitraries.integers().between(0, CONF.length() - 1),
                Arbitraries.integers().between(1, 20)).as((at, n) -> CONF.substring(0, at) + CONF.substring(Math.min(CONF.length(), at + n)));
        Arbitrary<String> inserted = Combinators.combine(Arbitraries.integers().between(0, CONF.length()),
                Arbitraries.strings().withChars("{}[]=:,\"'$-.0123456789e \\n#abcxyz").ofMaxLength(12))
                .as((at, s) -> CONF.substring(0, at) + s + CONF.substring(at));
        Arbitrary<String> values = Arbitraries.of("trial.filters", "trial.kernel", "trial.batch-size", "trial.epochs",
                "trial.learning-rate", "trial.dropout", "search.trials", "data.limit", "noise.factor", "retrain.epochs",
                "search.scheduler.reduction", "search.scheduler.min-epochs", "trial.timeout", "data.size", "data.format",
                "spark.task-cpus", "trial.model", "trial.activation").flatMap(key -> Arbitraries.of("-1", "0", "1e400",
                "\"x\"", "[]", "{}", "null", "2147483648", "0.5", "3", "\"1x0\"", "true").map(v -> CONF + key + " = " + v + "\n"));
        return Arbitraries.oneOf(deleted, inserted, values);
    }

    private static Arbitrary<byte[]> flips(byte[] original) {
        return Arbitraries.integers().between(0, original.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(at -> Arbitraries.bytes().list().ofSize(at.size()).map(values -> {
                    byte[] b = original.clone();
                    for (int i = 0; i < at.size(); i++) {
                        b[at.get(i)] = values.get(i);
                    }
                    return b;
                }));
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n"),
                "one line: " + e.getMessage());
    }

    private static byte[] image(String format, int type) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BufferedImage image = Pictures.image(type == BufferedImage.TYPE_BYTE_INDEXED ? BufferedImage.TYPE_BYTE_GRAY : type,
                    12, 10, 3);
            if (type == BufferedImage.TYPE_BYTE_INDEXED) {
                BufferedImage indexed = new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_INDEXED);
                indexed.getGraphics().drawImage(image, 0, 0, null);
                image = indexed;
            }
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
