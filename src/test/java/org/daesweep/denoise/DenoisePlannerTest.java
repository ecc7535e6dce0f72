package org.daesweep.denoise;

import org.daesweep.Pictures;
import org.daesweep.TestData;
import org.daesweep.UserException;
import org.daesweep.data.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What denoise plans from the paths it is given, and what it refuses before any work, in one line naming the path. */
class DenoisePlannerTest {
    @TempDir
    Path dir;

    private final DenoisePlanner planner = new DenoisePlanner(Storage.standalone());

    private Path photos() throws IOException {
        Path in = dir.resolve("in");
        Pictures.write(in.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 20, 24, 1);
        Pictures.write(in.resolve("trip/b.jpg"), BufferedImage.TYPE_3BYTE_BGR, 16, 16, 2);
        Files.writeString(in.resolve("notes.txt"), "not an image");
        return in;
    }

    private String refused(String input, String output, String clean) {
        UserException e = assertThrows(UserException.class, () -> planner.plan(input, output, clean, null, 0));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aFolderBecomesAFolderOfPngsWithTheSameRelativeNames() throws IOException {
        DenoisePlanner.Plan plan = planner.plan(photos().toString(), dir.resolve("out").toString(), null, null, 0);
        assertEquals("folder of images", plan.kind());
        assertEquals(1, plan.ignoredFiles(), "notes.txt");
        assertEquals(2, plan.request().count());
        Outputs.Folder out = assertInstanceOf(Outputs.Folder.class, plan.request().output());
        assertEquals(List.of("a.png", "trip/b.png"), out.names());
        assertNull(plan.request().clean(), "nothing to score against");
    }

    @Test
    void oneImageGoesToTheFileItNamesOrIntoAnExistingFolder() throws IOException {
        Path in = photos().resolve("trip/b.jpg");
        DenoisePlanner.Plan toFile = planner.plan(in.toString(), dir.resolve("b.tif").toString(), "", null, 0);
        assertEquals("image file", toFile.kind());
        assertEquals(List.of("b.tif"), ((Outputs.Folder) toFile.request().output()).names());
        assertTrue(toFile.request().clean() == toFile.request().input(), "--clean alone: the input is the original");
        Files.createDirectories(dir.resolve("existing"));
        DenoisePlanner.Plan intoFolder = planner.plan(in.toString(), dir.resolve("existing").toString(), null, null, 0);
        assertEquals(List.of("b.png"), ((Outputs.Folder) intoFolder.request().output()).names());
        assertTrue(refused(in.toString(), dir.resolve("b.gif").toString(), null).contains("--output for one image is an image file"));
    }

    @Test
    void anIdxFileGoesToAnIdxFileOfTheSameCount() throws IOException {
        Path idx = TestData.strokesIdx(dir.resolve("digits-idx3-ubyte"), 5, 12, 12);
        DenoisePlanner.Plan plan = planner.plan(idx.toString(), dir.resolve("out.idx.gz").toString(), null, null, 0);
        assertEquals("IDX file", plan.kind());
        assertEquals(5, plan.request().count());
        assertInstanceOf(Outputs.Idx.class, plan.request().output());
        assertTrue(refused(idx.toString(), dir.resolve("out.png").toString(), null).endsWith("name it .idx or .idx.gz"));
    }

    @Test
    void whatWouldLoseOrMixDataIsRefusedBeforeAnyWork() throws IOException {
        Path in = photos();
        assertTrue(refused(dir.resolve("nothing").toString(), null, null).endsWith(": no such file or directory"));
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/x.png"), "");
        String taken = refused(in.toString(), dir.resolve("taken").toString(), null);
        assertTrue(taken.contains(dir.resolve("taken").toString()) && taken.contains("exists"), taken);
        refused(in.toString(), in.resolve("out").toString(), null);
        assertTrue(refused(in.toString(), dir.resolve("out.png").toString(), null).contains("name a folder"));
        Pictures.write(in.resolve("a.jpg"), BufferedImage.TYPE_BYTE_GRAY, 8, 8, 3);
        assertTrue(refused(in.toString(), dir.resolve("out").toString(), null)
                .contains("would both be written as a.png"), "a.png and a.jpg");
    }

    @Test
    void cleanReferencesMustMatchTheInputsByNameAndSize() throws IOException {
        Path in = photos();
        Path clean = dir.resolve("clean");
        Pictures.write(clean.resolve("a.tif"), BufferedImage.TYPE_BYTE_GRAY, 20, 24, 4);
        assertTrue(refused(in.toString(), null, clean.toString()).contains("has no clean image for trip/b.jpg"));
        Pictures.write(clean.resolve("trip/b.png"), BufferedImage.TYPE_BYTE_GRAY, 16, 17, 5);
        refused(in.toString(), null, clean.toString());
        Pictures.write(clean.resolve("trip/b.png"), BufferedImage.TYPE_BYTE_GRAY, 16, 16, 5);
        DenoisePlanner.Plan scored = planner.plan(in.toString(), null, clean.toString(), null, 0);
        assertInstanceOf(Inputs.Files.class, scored.request().clean());
        assertInstanceOf(Outputs.None.class, scored.request().output(), "scores only");
    }
}
