package org.daesweep.cli;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.daesweep.S3Server;
import org.daesweep.TestData;
import org.daesweep.results.SweepDirectory;
import org.daesweep.results.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's S3 commands, run as a user runs them (scripts/run-local.sh) against a real
 * S3-compatible server on loopback: a sweep whose configuration, images and output are on
 * s3a://, then denoise from s3a to s3a, then sql over the sweep there. The secret key reaches
 * the sweep the worst way, on its command line, and must appear in no log line and no object. The
 * shaded jar runs on Spark's own SparkSubmit as well, with the connector on Spark's classpath.
 */
class S3IT {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void aSweepDenoiseAndSqlLiveOnS3() throws Exception {
        try (S3Server s3 = S3Server.start(dir)) {
            s3.createBucket("dae");
            try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://dae/"), s3.hadoop())) {
                put(fs, "s3a://dae/data/strokes.idx.gz",
                        Files.readAllBytes(TestData.strokesIdx(dir.resolve("strokes.idx.gz"), 600, 16, 16)));
                put(fs, "s3a://dae/conf/sweep.conf", TestData.smallSweepText("on-s3", "s3a://dae/data/strokes.idx.gz",
                        "s3a://dae/results", "").getBytes(StandardCharsets.UTF_8));

                List<String> sweep = new ArrayList<>(List.of("scripts/run-local.sh", "sweep", "--conf",
                        "s3a://dae/conf/sweep.conf", "spark.master=local[2]"));
                s3.settings().forEach((key, value) -> sweep.add("spark.hadoop." + key + "=" + value));
                String out = run("sweep", Map.of(), sweep);
                assertTrue(out.contains("Test metrics (120 images)"), out);
                String sweepDir = "s3a://dae/results/on-s3/";
                for (String table : List.of(Tables.TRIALS.name(), Tables.METRICS.name(), Tables.PER_IMAGE.name())) {
                    String success = new String(read(fs, sweepDir + table + "/_SUCCESS"), StandardCharsets.UTF_8);
                    assertTrue(success.contains("\"committer\" : \"magic\""),
                            table + " is committed by S3A's magic committer, not by renames: " + success);
                }
                assertTrue(fs.exists(new Path(sweepDir + SweepDirectory.MODEL)));
                for (String key : keys(fs, sweepDir)) {
                    assertFalse(key.contains("/" + SweepDirectory.STAGING + "/") || key.contains("__magic")
                            || key.contains(".tmp-"), "nothing staged or half-committed is left: " + key);
                }

                // The documented ways for the rest: keys in AWS's variables, other settings as
                // spark-submit's --conf or as Java properties.
                Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", s3.secret(), "DAE_SWEEP_JAVA_OPTS", "-Xmx2g " + s3.settings().entrySet()
                                .stream().filter(e -> !e.getKey().endsWith(".key"))
                                .map(e -> "-Dspark.hadoop." + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
                List<String> submit = new ArrayList<>(List.of("scripts/spark-submit.sh", "--master", "local[2]"));
                s3.settings().entrySet().stream().filter(e -> !e.getKey().endsWith(".key"))
                        .forEach(e -> submit.addAll(List.of("--conf", "spark.hadoop." + e.getKey() + "=" + e.getValue())));
                submit.addAll(List.of("--class", Main.class.getName(), "target/dae-sweep.jar", "sweep", "--conf",
                        "s3a://dae/conf/sweep.conf", "sweep.name=submitted"));
                out = run("spark-submit", env, submit);
                assertTrue(out.contains("Test metrics (120 images)"), out);

                out = run("denoise", env, List.of("scripts/run-local.sh", "denoise", "--model", sweepDir,
                        "--input", "s3a://dae/data/strokes.idx.gz", "--output", "s3a://dae/out/denoised.idx",
                        "--add-noise", "gaussian:0.3", "--clean"));
                assertTrue(out.contains("Denoised 600 of 600 images"), out);
                assertTrue(fs.getFileStatus(new Path("s3a://dae/out/denoised.idx")).getLen() > 600 * 16 * 16);
                assertTrue(fs.exists(new Path("s3a://dae/out/denoised.idx.scores/_SUCCESS")));

                out = run("sql", env, List.of("scripts/run-local.sh", "sql", "s3a://dae/results",
                        "SELECT sweep, count(*) AS trials FROM trials GROUP BY sweep ORDER BY sweep"));
                List<String> rows = out.lines().map(l -> l.replace(" ", "")).filter(l -> l.matches("\\|[a-z0-9-]+\\|\\d+\\|"))
                        .toList();
                assertEquals(List.of("|on-s3|2|", "|submitted|2|"), rows, out);

                assertNoObjectHolds(fs, s3.secret());
            }
        }
    }

    private String run(String name, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        java.nio.file.Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + " still running after 10 minutes");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), name + " failed:\n" + out);
        assertFalse(out.contains("s3cr3t-"), name + "'s output holds the secret key:\n" + out);
        return out;
    }

    private static void assertNoObjectHolds(FileSystem fs, String secret) throws IOException {
        List<String> all = keys(fs, "s3a://dae/");
        for (String key : all) {
            assertFalse(new String(read(fs, key), StandardCharsets.ISO_8859_1).contains(secret), key + " holds the secret key");
        }
        assertTrue(all.size() > 20, "the sweep's objects were all read: " + all);
    }

    private static List<String> keys(FileSystem fs, String below) throws IOException {
        List<String> keys = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(new Path(below), true);
        while (files.hasNext()) {
            keys.add(files.next().getPath().toString());
        }
        return keys;
    }

    private static void put(FileSystem fs, String location, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(new Path(location))) {
            out.write(bytes);
        }
    }

    private static byte[] read(FileSystem fs, String location) throws IOException {
        try (var in = fs.open(new Path(location))) {
            return in.readAllBytes();
        }
    }
}
