package org.daesweep.data;

import org.daesweep.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdxFileTest {
    @TempDir
    Path dir;

    private final Storage storage = Storage.standalone();

    @Test
    void aRangeReadFromAnyImageEqualsTheWholeFilesImages() throws Exception {
        byte[] idx = TestData.idx(0x803, 30, 5, 4, TestData.strokes(30, 5, 4, 3));
        for (boolean gzip : new boolean[]{false, true}) {
            Path file = TestData.write(dir.resolve("f" + gzip), idx, gzip);
            ImageSet all = new IdxImageReader().read(storage, storage.path(file.toString()));
            try (IdxFile part = IdxFile.openAt(storage, storage.path(file.toString()), 17)) {
                ImageSet a = part.next(5);
                ImageSet b = part.next(100);
                assertEquals(5, a.count());
                assertEquals(8, b.count(), "the rest of the file");
                assertArrayEquals(all.image(17), a.image(0));
                assertArrayEquals(all.image(29), b.image(7));
            }
        }
    }

    @Test
    void theWriterRoundTripsPlainAndCompressed() throws Exception {
        ImageSet images = TestData.strokeImages(6, 3, 7);
        for (boolean gzip : new boolean[]{false, true}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            IdxWriter writer = new IdxWriter(bytes, gzip, 6, 3, 7);
            writer.write(images.pixels());
            writer.finish();
            Path file = Files.write(dir.resolve("w" + gzip), bytes.toByteArray());
            ImageSet back = new IdxImageReader().read(storage, storage.path(file.toString()));
            assertArrayEquals(images.pixels(), back.pixels(), 1e-7f);
        }
    }
}
