package org.daesweep.cli;

import org.daesweep.Pictures;
import org.daesweep.TestData;
import org.daesweep.data.IdxImageReader;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenoiseCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString().trim());
        } finally {
            System.setOut(original);
        }
    }

    private String error(String... args) {
        Run r = run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("dae-sweep: error: "), r.err());
        assertFalse(r.err().contains("\n"), "one line: " + r.err());
        return r.err();
    }

    @Test
    void anIdxFileGoesOutAsAnIdxFileOfTheSameCountAndSize() throws Exception {
        Path model = Pictures.modelFile(dir.resolve("model.zip"));
        Path in = TestData.strokesIdx(dir.resolve("in.idx.gz"), 700, 28, 28);
        Run r = run("denoise", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("out.idx.gz").toString(), "--clean", "--add-noise", "salt-pepper:0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Denoised 700 of 700 images"), r.out());
        assertTrue(r.out().contains("images/s"), r.out());
        assertTrue(r.out().contains("Scores against the clean images (700 images)"), r.out());
        Storage storage = Storage.standalone();
        ImageSet out = new IdxImageReader().read(storage, storage.path(dir.resolve("out.idx.gz").toString()));
        assertEquals(700, out.count());
        assertEquals(28, out.height());
        assertTrue(Files.isDirectory(dir.resolve("out.idx.gz.scores")), "the scores table beside the output");
        try (var names = Files.list(dir)) {
            assertTrue(names.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void anUnreadableImageIsSkippedNamedAndExitsWith1() throws Exception {
        Path model = Pictures.modelFile(dir.resolve("model.zip"));
        Path in = dir.resolve("in");
        Pictures.write(in.resolve("good.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Files.write(in.resolve("bad.png"), new byte[]{1, 2, 3});
        Run r = run("denoise", "--model", model.toString(), "--input", in.toString(), "--output", dir.resolve("out").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("Skipped 1 input:") && r.out().contains("bad.png: "), r.out());
        assertTrue(Files.exists(dir.resolve("out/good.png")));
    }

    @Test
    void badModelsAndPathsAreOneLineAndExitCode2() throws Exception {
        Path model = Pictures.modelFile(dir.resolve("model.zip"));
        Path in = TestData.strokesIdx(dir.resolve("in.idx.gz"), 10, 28, 28);
        String out = dir.resolve("out.idx").toString();

        Path text = Files.writeString(dir.resolve("model.txt"), "not a model");
        assertTrue(error("denoise", "--model", text.toString(), "--input", in.toString(), "--output", out)
                .contains("not a dae-sweep model"));
        byte[] zip = Files.readAllBytes(model);
        Path damaged = Files.write(dir.resolve("damaged.zip"), Arrays.copyOf(zip, zip.length / 2));
        assertTrue(error("denoise", "--model", damaged.toString(), "--input", in.toString(), "--output", out)
                .contains(damaged + ": "));
        assertTrue(error("denoise", "--model", dir.toString(), "--input", in.toString(), "--output", out)
                .contains("a directory without best-model.zip"));
        assertTrue(error("denoise", "--model", model.toString(), "--input", in.toString(), "--output", in.toString())
                .contains("are the same place"));
        Path taken = Files.writeString(dir.resolve("taken.idx"), "");
        assertTrue(error("denoise", "--model", model.toString(), "--input", in.toString(), "--output", taken.toString())
                .contains("already exists"));
        Path other = TestData.strokesIdx(dir.resolve("other.idx.gz"), 11, 28, 28);
        assertTrue(error("denoise", "--model", model.toString(), "--input", in.toString(), "--output", out,
                "--clean", other.toString()).contains("--clean holds 11 images of 28x28, the input 10 of 28x28"));
        assertTrue(error("denoise", "--model", model.toString(), "--input", dir.resolve("nothing").toString(),
                "--output", out).contains("no such file or directory"));
        assertTrue(error("denoise", "--model", model.toString(), "--input", in.toString(), "--output", out,
                "--add-noise", "blur:3").contains("--add-noise: noise type must be"));
        assertTrue(error("denoise", "--model", model.toString(), "--input", in.toString(), "--clean")
                .contains("--clean: give the clean references"));
        assertFalse(Files.exists(Path.of(out)), "nothing written");
    }

    @Test
    void theOutputIsTheFormatItsNameSaysOrRefusedBeforeAnyWork() throws Exception {
        Path model = Pictures.modelFile(dir.resolve("model.zip"));
        Path idx = TestData.strokesIdx(dir.resolve("in.idx.gz"), 10, 28, 28);
        Path folder = dir.resolve("in");
        Path image = Pictures.write(folder.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Pictures.write(folder.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 2);

        assertTrue(error("denoise", "--model", model.toString(), "--input", idx.toString(), "--output",
                dir.resolve("out.png").toString()).contains("is written as one IDX file; name it .idx or .idx.gz"));
        assertTrue(error("denoise", "--model", model.toString(), "--input", folder.toString(), "--output",
                dir.resolve("x.idx").toString()).contains("written as a folder of PNGs; name a folder"));
        assertTrue(error("denoise", "--model", model.toString(), "--input", image.toString(), "--output",
                dir.resolve("single").toString()).contains("is an image file (bmp, jpeg, jpg, png, tif, tiff"));
        try (var names = Files.list(dir)) {
            assertEquals(java.util.Set.of("model.zip", "in.idx.gz", "in"),
                    names.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "nothing written for a refused name");
        }
        for (String name : new String[]{"single.jpg", "single.bmp", "single.tif", "single.png"}) {
            assertEquals(0, run("denoise", "--model", model.toString(), "--input", image.toString(), "--output",
                    dir.resolve(name).toString()).code(), name);
            String format = javax.imageio.ImageIO.getImageReaders(javax.imageio.ImageIO.createImageInputStream(
                    dir.resolve(name).toFile())).next().getFormatName().toLowerCase(java.util.Locale.ROOT);
            assertEquals(name.substring(name.indexOf('.') + 1).replace("jpg", "jpeg"), format, name);
        }
    }

    @Test
    void aCleanReferenceOfAnotherSizeIsRefusedBeforeAnyWork() throws Exception {
        Path model = Pictures.modelFile(dir.resolve("model.zip"));
        Path in = dir.resolve("in");
        Path clean = dir.resolve("clean");
        Pictures.write(in.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Pictures.write(in.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 2);
        Pictures.write(clean.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, 28, 28, 1);
        Pictures.write(clean.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, 32, 28, 2);
        String e = error("denoise", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("out").toString(), "--clean", clean.toString());
        assertTrue(e.endsWith("b.png: --clean image is 32x28, its input b.png is 28x28"), e);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void helpExplainsEveryOption() {
        StringWriter help = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(help));
        assertEquals(0, cli.execute("denoise", "--help"));
        for (String option : new String[]{"--model", "--input", "--output", "--clean", "--add-noise", "--seed", "--split",
                "--scores", "--master", "Exit code"}) {
            assertTrue(help.toString().contains(option), option + " in\n" + help);
        }
    }
}
