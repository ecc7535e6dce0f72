package org.daesweep.results;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daesweep.UserException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepViewsTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").appName("views test").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private void sweep(String name, boolean withHost, String... trialIds) throws Exception {
        Path sweep = Files.createDirectories(dir.resolve(name));
        Files.writeString(sweep.resolve(SweepDirectory.MARKER), "");
        StructType schema = new StructType().add("trial_id", DataTypes.StringType).add("best_val_mse", DataTypes.DoubleType);
        if (withHost) {
            schema = schema.add("host", DataTypes.StringType);
        }
        boolean host = withHost;
        List<Row> rows = java.util.Arrays.stream(trialIds)
                .map(id -> host ? RowFactory.create(id, 0.1, "h") : RowFactory.create(id, 0.1)).toList();
        spark.createDataFrame(rows, schema).write().parquet(sweep.resolve(Tables.TRIALS.name()).toString());
    }

    @Test
    void aFolderOfSweepsIsOneViewWithASweepColumn() throws Exception {
        sweep("a", true, "trial-0000", "trial-0001");
        sweep("b", false, "trial-0000");
        Files.createDirectories(dir.resolve("not-a-sweep"));
        assertEquals(java.util.Map.of(Tables.TRIALS.name(), List.of("a", "b")), SweepViews.register(spark, dir.toString()));
        List<Row> counts = spark.sql("SELECT sweep, count(*) FROM trials GROUP BY sweep ORDER BY sweep").collectAsList();
        assertEquals(List.of(RowFactory.create("a", 2L), RowFactory.create("b", 1L)), counts);
        assertEquals("sweep", spark.table(Tables.TRIALS.name()).columns()[0]);
        assertNull(spark.sql("SELECT host FROM trials WHERE sweep = 'b'").first().get(0), "a missing column is null");
    }

    @Test
    void oneSweepDirectoryIsItsOwnViews() throws Exception {
        sweep("a", true, "trial-0000");
        SweepViews.register(spark, dir.resolve("a").toString());
        assertEquals("a", spark.sql("SELECT DISTINCT sweep FROM trials").first().getString(0));
    }

    @Test
    void aFolderWithoutSweepsIsOneLine() {
        UserException e = assertThrows(UserException.class, () -> SweepViews.register(spark, dir.toString()));
        assertTrue(e.getMessage().contains("neither a sweep directory nor a folder of them"), e.getMessage());
    }
}
