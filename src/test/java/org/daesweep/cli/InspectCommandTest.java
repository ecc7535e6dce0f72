package org.daesweep.cli;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** inspect's exit code is what scripts/chaos.sh relies on: 0 when every journaled trial is in the table once. */
class InspectCommandTest {
    @TempDir
    Path dir;

    private void sweepDir(List<String> journaled, List<String> inTable) throws Exception {
        Files.createDirectories(dir.resolve("journal"));
        for (String id : journaled) {
            Files.writeString(dir.resolve("journal/" + id + ".json"), "{}");
        }
        SparkSession spark = SparkSession.builder().master("local[1]").appName("inspect test")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            StructType schema = new StructType().add("trial_id", DataTypes.StringType).add("status", DataTypes.StringType)
                    .add("executor", DataTypes.StringType).add("host", DataTypes.StringType);
            spark.createDataFrame(inTable.stream().map(id -> RowFactory.create(id, "ok", "0", "localhost")).toList(), schema)
                    .write().parquet(dir.resolve("trials").toString());
        } finally {
            spark.stop();
        }
    }

    private int inspect(String target) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute("inspect", target);
    }

    @Test
    void everyJournaledTrialOnceIsExitCode0() throws Exception {
        sweepDir(List.of("trial-0000", "trial-0001"), List.of("trial-0000", "trial-0001"));
        assertEquals(0, inspect(dir.toString()));
    }

    @Test
    void aLostTrialIsExitCode1() throws Exception {
        sweepDir(List.of("trial-0000", "trial-0001"), List.of("trial-0000"));
        assertEquals(1, inspect(dir.toString()));
    }

    @Test
    void aDoubledTrialIsExitCode1() throws Exception {
        sweepDir(List.of("trial-0000"), List.of("trial-0000", "trial-0000"));
        assertEquals(1, inspect(dir.toString()));
    }

    @Test
    void aDirectoryThatIsNoSweepIsExitCode2() {
        assertEquals(2, inspect(dir.toString()));
    }
}
