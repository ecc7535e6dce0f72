package org.daesweep.cli;

import org.daesweep.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways the README launches dae-sweep, run as a user runs them: the packaged jar under
 * Spark's own SparkSubmit beside the jars a Spark 3.5 installation ships
 * (scripts/spark-submit.sh), and the classes on Maven's runtime classpath (scripts/run-local.sh,
 * what the quickstart runs). A library missing from either, or brought in two versions, breaks
 * the build instead of a user's first command.
 */
class LaunchScriptsIT {
    @TempDir
    Path dir;

    @Test
    void aShortSweepRunsUnderSparkSubmitOnLocal2() throws Exception {
        Path conf = sweepFile();
        Path log = dir.resolve("submit.log");
        int code = run(log, "scripts/spark-submit.sh", "--master", "local[2]", "--class", Main.class.getName(),
                "target/dae-sweep.jar", "sweep", "--conf", conf.toString());
        assertSweptWhole(code, log);
    }

    @Test
    void aShortSweepRunsWithRunLocal() throws Exception {
        Path conf = sweepFile();
        Path log = dir.resolve("run-local.log");
        assertSweptWhole(run(log, "scripts/run-local.sh", "sweep", "--conf", conf.toString(), "spark.master=local[2]"),
                log);
    }

    private Path sweepFile() throws IOException {
        return TestData.smallSweep(dir, "submitted", dir.resolve("out").toString(), "");
    }

    private void assertSweptWhole(int code, Path log) throws IOException {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, code, "exit code " + code + "; the log ends:\n" + tail(out));
        assertTrue(out.contains("Sweep finished in"), tail(out));
        assertTrue(out.contains("Test metrics (120 images)"), tail(out));
        assertFalse(out.contains("NoClassDefFoundError") || out.contains("NoSuchMethodError"), tail(out));
        for (String table : List.of("trials", "epochs", "metrics", "per_image")) {
            assertTrue(Files.exists(dir.resolve("out/submitted").resolve(table).resolve("_SUCCESS")), table);
        }
    }

    private static int run(Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " still running after 10 minutes");
        }
        return process.exitValue();
    }

    /** Our own lines (an error, the summary) and the log's last lines. */
    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        List<String> ours = lines.stream().filter(l -> l.startsWith("dae-sweep:") || l.startsWith("Test metrics")).toList();
        return String.join("\n", ours) + "\n...\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
