package org.daesweep.denoise;

import org.daesweep.Pictures;
import org.daesweep.UserException;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Picture;
import org.daesweep.data.Storage;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.training.Denoiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder of images of several sizes and kinds, denoised in this JVM by a small untrained model. */
class DenoiseFolderTest {
    @TempDir
    Path dir;

    private final Storage storage = Storage.standalone();
    private final DenoisingNetwork network = Pictures.smallNetwork(28, 28);

    @Test
    void everyImageComesOutAsAPngOfItsOwnSizeKindAndDepth() throws Exception {
        Path in = dir.resolve("in");
        Pictures.write(in.resolve("digits/a.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Pictures.write(in.resolve("digits/b.png"), BufferedImage.TYPE_BYTE_GRAY, 37, 53, 2);
        Pictures.write(in.resolve("photo.jpg"), BufferedImage.TYPE_3BYTE_BGR, 20, 30, 3);
        Pictures.write(in.resolve("deep.png"), BufferedImage.TYPE_USHORT_GRAY, 30, 30, 4);
        Pictures.write(in.resolve("icon.png"), BufferedImage.TYPE_INT_ARGB, 9, 13, 5);
        Pictures.write(in.resolve("tiny.png"), BufferedImage.TYPE_BYTE_GRAY, 2, 3, 6);
        Files.writeString(in.resolve("notes.txt"), "not an image");
        Files.write(in.resolve("broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0});

        DenoisePlanner.Plan plan = new DenoisePlanner(storage).plan(in.toString(), dir.resolve("out").toString(), null, null, 0);
        assertEquals(1, plan.ignoredFiles());
        DenoiseReport report = DenoiseReport.of(plan.request().count(), Denoising.runHere(plan.request(), new ImageDenoiser(network, false), storage), 1);

        assertEquals(7, report.inputs());
        assertEquals(6, report.denoised());
        assertEquals(List.of("broken.png"), report.skipped().stream().map(ShareResult.Skipped::name).toList());
        Path out = dir.resolve("out");
        for (String name : List.of("digits/a.png", "digits/b.png", "photo.png", "deep.png", "icon.png", "tiny.png")) {
            BufferedImage source = ImageIO.read(in.resolve(name.equals("photo.png") ? "photo.jpg" : name).toFile());
            BufferedImage result = ImageIO.read(out.resolve(name).toFile());
            assertEquals(source.getHeight(), result.getHeight(), name);
            assertEquals(source.getWidth(), result.getWidth(), name);
            assertEquals(source.getColorModel().getNumComponents(), result.getColorModel().getNumComponents(), name);
            assertEquals(source.getColorModel().getComponentSize(0), result.getColorModel().getComponentSize(0), name);
        }
        BufferedImage icon = ImageIO.read(in.resolve("icon.png").toFile());
        BufferedImage iconOut = ImageIO.read(out.resolve("icon.png").toFile());
        assertEquals(icon.getRGB(4, 4) >>> 24, iconOut.getRGB(4, 4) >>> 24, "alpha is left as it was");
        Set<String> written;
        try (var files = Files.walk(out)) {
            written = files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()).collect(Collectors.toSet());
        }
        assertEquals(Set.of("digits/a.png", "digits/b.png", "photo.png", "deep.png", "icon.png", "tiny.png"), written,
                "nothing but the outputs: no temporary or checksum files");
    }

    @Test
    void anImageOfTheModelsSizeIsDenoisedExactlyAsTheSweepDenoisesIt() throws Exception {
        Path in = Pictures.write(dir.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Picture picture = org.daesweep.data.PictureCodec.decode(Files.readAllBytes(in));
        Picture mine = new ImageDenoiser(network, false).denoise(List.of(picture)).get(0);
        ImageSet sweeps = new Denoiser(network).denoise(new ImageSet(picture.planes()[0], 1, 28, 28));
        assertArrayEquals(sweeps.pixels(), mine.planes()[0], 1e-6f);
    }

    @Test
    void addedNoiseIsScoredAgainstTheCleanInputAndDoesNotDependOnTheShares() throws Exception {
        Path in = dir.resolve("in");
        for (int i = 0; i < 5; i++) {
            Pictures.write(in.resolve("img" + i + ".png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, i);
        }
        DenoisePlanner.Plan plan = new DenoisePlanner(storage).plan(in.toString(), null, "", new GaussianNoise(0.5), 9);
        ShareResult whole = ShareRunner.run(plan.request(), new ImageDenoiser(network, false), storage, 0, 0, 5);
        ShareResult tail = ShareRunner.run(plan.request(), new ImageDenoiser(network, false), storage, 1, 3, 5);
        assertEquals(5, whole.scores().size());
        assertEquals(whole.scores().get(4), tail.scores().get(1));
        for (ImageScore s : whole.scores()) {
            assertTrue(s.noisy().psnr() < 15 && s.noisy().psnr() > 3, "gaussian 0.5 on random pixels: " + s);
            assertTrue(s.denoised().ssim() <= 1 && Double.isFinite(s.denoised().psnr()), s.toString());
        }
    }

    @Test
    void badPlansAreOneLineBeforeAnyWork() throws Exception {
        Path in = dir.resolve("in");
        Pictures.write(in.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Pictures.write(in.resolve("a.jpg"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 2);
        DenoisePlanner planner = new DenoisePlanner(storage);
        assertTrue(message(() -> planner.plan(in.toString(), dir.resolve("out").toString(), null, null, 0))
                .contains("would both be written as a.png"));
        Files.delete(in.resolve("a.jpg"));
        assertTrue(message(() -> planner.plan(in.toString(), in.resolve("sub").toString(), null, null, 0))
                .contains("are the same place or one holds the other"));
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("x"), "");
        assertTrue(message(() -> planner.plan(in.toString(), taken.toString(), null, null, 0)).contains("already exists"));
        Path cleanDir = Files.createDirectories(dir.resolve("clean"));
        assertTrue(message(() -> planner.plan(in.toString(), dir.resolve("out").toString(), cleanDir.toString(), null, 0))
                .contains("has no clean image for a.png"));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private static String message(org.junit.jupiter.api.function.Executable plan) {
        String m = assertThrows(UserException.class, plan).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }
}
