package org.daesweep.spark;

import org.apache.hadoop.conf.Configuration;
import org.daesweep.results.SweepDirectory;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.daesweep.TestData;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.data.IdxImageReader;
import org.daesweep.data.ImageSet;
import org.daesweep.data.Storage;
import org.daesweep.results.SweepSummary;
import org.daesweep.results.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real HDFS (a MiniDFSCluster in this JVM): a sweep reads its configuration and images from it
 * and writes its tables and model there; denoise reads that model and images (an IDX file as a
 * Spark job, a folder of PNGs in this JVM) from it and writes its outputs there.
 */
class HdfsTest {
    @TempDir
    static java.nio.file.Path dir;
    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
    private static String root;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void aSweepAndItsDenoisingLiveOnHdfs() throws Exception {
        // Few files: every create on a MiniDFSCluster costs a fifth of a second.
        ImageSet strokes = TestData.strokeImages(30, 28, 28);
        for (int i = 0; i < strokes.count(); i++) {
            hdfs.mkdirs(new Path("/data/strokes/" + (i % 3)));
            try (var out = hdfs.create(new Path("/data/strokes/" + (i % 3) + "/" + i + ".png"))) {
                ImageIO.write(gray(strokes.image(i)), "png", out);
            }
        }
        hdfs.copyFromLocalFile(new Path(TestData.strokesIdx(dir.resolve("digits.idx.gz"), 1000, 28, 28).toString()),
                new Path("/data/digits.idx.gz"));
        try (var out = hdfs.create(new Path("/conf/sweep.conf"))) {
            out.write(TestData.smallSweepText("on-hdfs", root + "/data/digits.idx.gz", root + "/results", """
                    spark.master = "local[2]"
                    trial.epochs = 4
                    search.space.filters = [8, 16]
                    """).getBytes(StandardCharsets.UTF_8));
        }

        SweepConfig config = ConfigLoader.load(new Storage(new Configuration()), root + "/conf/sweep.conf", List.of());
        SweepSummary summary = new SweepDriver(config, false, 0).run();
        assertEquals(2, summary.trials().size());
        assertEquals(200, summary.bestScores().count(), "a fifth of the 1,000 images is the test split");
        for (String file : List.of(Tables.TRIALS.name(), Tables.METRICS.name(), SweepDirectory.MODEL, SweepDirectory.CONFIG)) {
            assertTrue(hdfs.exists(new Path("/results/on-hdfs/" + file)), file);
        }

        String out = run(0, "denoise", "--model", root + "/results/on-hdfs", "--input", root + "/data/digits.idx.gz",
                "--output", root + "/out/digits.idx", "--master", "local[2]", "--add-noise", "gaussian:0.3", "--clean");
        assertTrue(out.contains("Denoised 1000 of 1000 images"), out);
        ImageSet denoised = new IdxImageReader().read(new Storage(new Configuration()), new Path(root + "/out/digits.idx"));
        assertEquals(1000, denoised.count());
        assertTrue(hdfs.exists(new Path("/out/digits.idx.scores")));

        out = run(0, "denoise", "--model", root + "/results/on-hdfs/" + SweepDirectory.MODEL,
                "--input", root + "/data/strokes", "--output", root + "/out/strokes");
        assertTrue(out.contains("Denoised 30 of 30 images"), out);
        try (var in = hdfs.open(new Path("/out/strokes/2/29.png"))) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
            assertEquals(28, png.getHeight());
        }
        assertEquals(3, hdfs.listStatus(new Path("/out/strokes")).length, "the three folders, nothing else");
    }

    private static BufferedImage gray(float[] pixels) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % 28, i / 28, 0, Math.round(pixels[i] * 255));
        }
        return image;
    }

    private static String run(int expected, String... args) {
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(stdout, true));
        try {
            CommandLine cli = org.daesweep.cli.Main.commandLine();
            cli.setErr(new PrintWriter(err));
            assertEquals(expected, cli.execute(args), err.toString());
        } finally {
            System.setOut(original);
        }
        return stdout.toString();
    }
}
