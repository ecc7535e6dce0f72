package org.daesweep.data;

import org.daesweep.TestData;
import org.daesweep.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxImageReaderTest {
    @TempDir
    Path dir;

    private final IdxImageReader idx = new IdxImageReader();
    private final Storage storage = Storage.standalone();

    private ImageSet read(Path file) {
        return idx.read(storage, storage.path(file.toString()));
    }

    @Test
    void dataSizeFitsIdxImagesAsItFitsFolderImages() throws IOException {
        Path file = TestData.strokesIdx(dir.resolve("s.idx.gz"), 3, 28, 28);
        ImageSet whole = read(file);
        ImageSet cropped = new ImageSource(file.toString(), "auto", new ImageSize(16, 20)).read(storage);
        assertEquals(3, cropped.count());
        assertEquals(16, cropped.height());
        assertEquals(20, cropped.width());
        // centre crop: rows 6..21, columns 4..23 of each 28x28 image
        assertEquals(whole.image(2)[(6 + 5) * 28 + 4 + 7], cropped.image(2)[5 * 20 + 7]);
        ImageSet padded = new ImageSource(file.toString(), "auto", new ImageSize(32, 32)).read(storage);
        assertEquals(whole.image(0)[0], padded.image(0)[2 * 32 + 2], "the image sits in the middle of its mirror padding");
    }

    @Test
    void readsGzipAndPlainFilesOfAnySize() throws IOException {
        byte[] pixels = {0, (byte) 255, (byte) 128, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        byte[] idx = TestData.idx(0x803, 2, 2, 3, pixels);
        for (boolean gzip : new boolean[]{true, false}) {
            ImageSet images = read(TestData.write(dir.resolve("i" + gzip), idx, gzip));
            assertEquals(2, images.count());
            assertEquals(2, images.height());
            assertEquals(3, images.width());
            assertEquals(0f, images.pixels()[0]);
            assertEquals(1f, images.pixels()[1]);
            assertEquals(128 / 255f, images.pixels()[2], 1e-7);
            assertArrayEquals(new float[]{4 / 255f, 5 / 255f, 6 / 255f, 7 / 255f, 8 / 255f, 9 / 255f}, images.image(1), 1e-7f);
        }
    }

    @Test
    void truncatedPayloadNamesFileAndSizes() throws IOException {
        Path file = TestData.write(dir.resolve("t.idx"), TestData.idx(0x803, 3, 4, 4, new byte[20]), false);
        UserException e = assertThrows(UserException.class, () -> read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("48 bytes") && e.getMessage().contains("only 20"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        Path full = TestData.write(dir.resolve("full.gz"), TestData.idx(0x803, 50, 10, 10, TestData.strokes(50, 10, 10, 1)), true);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        UserException e = assertThrows(UserException.class, () -> read(cut));
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        Path labels = TestData.write(dir.resolve("labels"), TestData.idx(0x801, 1, 1, 1, new byte[1]), false);
        UserException e = assertThrows(UserException.class, () -> read(labels));
        assertTrue(e.getMessage().contains("not an IDX image file") && e.getMessage().contains("0x00000801"), e.getMessage());
    }

    @Test
    void missingEmptyAndTinyFilesAreRefused() throws IOException {
        UserException missing = assertThrows(UserException.class, () -> read(dir.resolve("nope.gz")));
        assertTrue(missing.getMessage().endsWith("no such file"), missing.getMessage());
        Path empty = TestData.write(dir.resolve("empty"), TestData.idx(0x803, 0, 28, 28, new byte[0]), false);
        assertTrue(assertThrows(UserException.class, () -> read(empty)).getMessage().contains("holds no images"));
        Path tiny = Files.write(dir.resolve("tiny"), new byte[]{0, 0, 8});
        assertTrue(assertThrows(UserException.class, () -> read(tiny)).getMessage().contains("too short"));
    }
}
