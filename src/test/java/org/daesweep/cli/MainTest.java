package org.daesweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    private String run(int expectedCode, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(expectedCode, cli.execute(args), err.toString());
        return err.toString().trim();
    }

    @Test
    void userMistakesGiveOneLineAndExitCode2() throws Exception {
        String missing = run(2, "sweep", "--conf", dir.resolve("missing.conf").toString());
        assertEquals("dae-sweep: error: " + dir.resolve("missing.conf") + ": no such configuration file", missing);

        Path conf = Files.writeString(dir.resolve("bad.conf"), "trial.kernel = 4\n");
        String bad = run(2, "sweep", "--conf", conf.toString());
        assertTrue(bad.contains("trial.kernel: must be an odd number"), bad);
        assertFalse(bad.contains("\n"), "one line: " + bad);

        Path images = Files.writeString(dir.resolve("images.idx"), "this is not an idx file");
        Path conf2 = Files.writeString(dir.resolve("ok.conf"), "data.images = \"" + images + "\"\n"
                + "output.dir = \"" + dir.resolve("out") + "\"\nsearch.space { filters = [16, 32] }\n");
        String notIdx = run(2, "sweep", "--conf", conf2.toString());
        assertTrue(notIdx.startsWith("dae-sweep: error: " + images + ": not an IDX image file"), notIdx);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written for a failed start");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedIsOneLine() throws Exception {
        Path images = org.daesweep.TestData.strokesIdx(dir.resolve("images.idx.gz"), 20, 8, 8);
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Path conf = Files.writeString(dir.resolve("out.conf"), "data.images = \"" + images + "\"\n"
                + "output.dir = \"" + file.resolve("results") + "\"\nspark.master = \"local[1]\"\n"
                + "search.space { filters = [4, 8] }\n");
        String error = run(2, "sweep", "--conf", conf.toString());
        assertTrue(error.startsWith("dae-sweep: error: " + file.resolve("results")) && error.contains("cannot create"), error);
        assertFalse(error.contains("\n"), "one line: " + error);
    }

    @Test
    void benchRefusesToProfileParallelCopies() {
        // One op timer cannot tell the copies' ops apart.
        assertEquals("dae-sweep: error: --parallel: 1 or more, and 1 with --profile; got 2",
                run(2, "bench", "--parallel", "2", "--profile"));
        assertEquals("dae-sweep: error: --parallel: 1 or more, and 1 with --profile; got 0",
                run(2, "bench", "--parallel", "0"));
    }

    @Test
    void benchNamesTheSetThatCannotBeParsed() {
        String unparseable = run(2, "bench", "--set", "filters=[16,");
        assertTrue(unparseable.startsWith("dae-sweep: error: --set filters: "), unparseable);
        assertFalse(unparseable.contains("\n"), "one line: " + unparseable);
        assertTrue(run(2, "bench", "--set", "depth=-1").startsWith("dae-sweep: error: --set depth: "));
    }

    @Test
    void usageErrorsExitWith2() {
        assertTrue(run(2, "sweep").contains("Missing required option: '--conf=FILE'"));
        assertTrue(run(2, "frobnicate").contains("Unmatched argument"));
    }

    @Test
    void sparksOwnRefusalsAreOneLineAndExitCode2() throws Exception {
        Path images = org.daesweep.TestData.strokesIdx(dir.resolve("images.idx.gz"), 100, 8, 8);
        Path conf = Files.writeString(dir.resolve("sweep.conf"), "data.images = \"" + images + "\"\n"
                + "output.dir = \"" + dir.resolve("out") + "\"\nspark.master = \"local[2]\"\n"
                + "search.space { filters = [4, 8] }\n");
        String cpus = run(2, "sweep", "--conf", conf.toString(), "spark.task-cpus=64");
        assertTrue(cpus.startsWith("dae-sweep: error: spark (master local[2], task cpus 64): Spark refused to start"), cpus);
        assertFalse(cpus.contains("\n"), "one line: " + cpus);
        String master = run(2, "sweep", "--conf", conf.toString(), "spark.master=nonsense://x");
        assertTrue(master.contains("Spark refused to start"), master);
    }

    @Test
    void aMasterWithNoWorkerToGiveStopsTheSweepAfterExecutorWait() throws Exception {
        Path images = org.daesweep.TestData.strokesIdx(dir.resolve("images.idx.gz"), 100, 8, 8);
        Path conf = Files.writeString(dir.resolve("sweep.conf"), "data.images = \"" + images + "\"\n"
                + "output.dir = \"" + dir.resolve("out") + "\"\nsearch.space { filters = [4, 8] }\n");
        // A real standalone master, with no worker.
        var master = org.apache.spark.deploy.master.Master$.MODULE$.startRpcEnvAndEndpoint("127.0.0.1", 0, 0,
                new org.apache.spark.SparkConf().set("spark.master.rest.enabled", "false"));
        try {
            String url = "spark://127.0.0.1:" + master._1().address().port();
            String idle = run(2, "sweep", "--conf", conf.toString(), "spark.master=" + url, "spark.executor-wait=2s");
            assertEquals("dae-sweep: error: spark: no executor joined from master " + url
                    + " within 2 s: is a worker up with free cores and memory? (spark.executor-wait)", idle);
        } finally {
            master._1().shutdown();
            master._1().awaitTermination();
        }
    }

    @Test
    void aSweepWithNoOkTrialIsExitCode1() throws Exception {
        Path images = org.daesweep.TestData.strokesIdx(dir.resolve("images.idx.gz"), 200, 8, 8);
        Path conf = Files.writeString(dir.resolve("sweep.conf"), "data.images = \"" + images + "\"\n"
                + "output.dir = \"" + dir.resolve("out") + "\"\nspark.master = \"local[1]\"\n"
                + "trial { epochs = 50, batch-size = 8, timeout = 1ms }\nsearch { trials = 2, space { filters = [4, 8] } }\n");
        String none = run(1, "sweep", "--conf", conf.toString());
        assertTrue(none.startsWith("dae-sweep: error: no trial ended ok (2 timeout)"), none);
    }
}
