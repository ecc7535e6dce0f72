package org.daesweep.results;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.functions;
import org.daesweep.data.Storage;
import org.daesweep.UserException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep directory's tables, or those of every sweep in a folder of sweeps, as Spark SQL views
 * named after the tables. Each view has a {@code sweep} column first, the sweep's directory name,
 * so one query compares sweeps; sweeps written by versions with fewer columns join with nulls.
 */
public final class SweepViews {
    public static final List<String> TABLES = Tables.ALL.stream().map(Table::name).toList();

    private SweepViews() {
    }

    /** Registers the views; returns each view's sweeps (a sweep missing a table, say unfinished, is left out of it). */
    public static Map<String, List<String>> register(SparkSession spark, String location) {
        Path root = new Storage(spark.sparkContext().hadoopConfiguration()).path(location);
        List<Path> sweeps = sweeps(spark, root, location);
        Map<String, List<String>> registered = new LinkedHashMap<>();
        for (String table : TABLES) {
            Dataset<Row> union = null;
            List<String> names = new ArrayList<>();
            for (Path sweep : sweeps) {
                Path data = new Path(sweep, table);
                if (!exists(spark, data)) {
                    continue;
                }
                Dataset<Row> read = spark.read().parquet(data.toString());
                List<Column> columns = new ArrayList<>();
                columns.add(functions.lit(sweep.getName()).as("sweep"));
                for (String c : read.columns()) {
                    columns.add(read.col(c));
                }
                Dataset<Row> part = read.select(columns.toArray(Column[]::new));
                union = union == null ? part : union.unionByName(part, true);
                names.add(sweep.getName());
            }
            if (union != null) {
                union.createOrReplaceTempView(table);
                registered.put(table, names);
            }
        }
        if (registered.isEmpty()) {
            throw new UserException(location + ": no sweep tables there yet (a sweep writes them when its search ends)");
        }
        return registered;
    }

    /** The sweep at {@code root}, or every sweep directly below it. */
    private static List<Path> sweeps(SparkSession spark, Path root, String location) {
        try {
            Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
            storage.requireReachable(root);
            FileSystem fs = storage.fs(root);
            if (!fs.exists(root)) {
                throw new UserException(location + ": no such directory");
            }
            if (SweepDirectory.is(fs, root)) {
                return List.of(fs.makeQualified(root));
            }
            List<Path> sweeps = new ArrayList<>();
            for (FileStatus child : fs.listStatus(root)) {
                if (child.isDirectory() && SweepDirectory.is(fs, child.getPath())) {
                    sweeps.add(child.getPath());
                }
            }
            if (sweeps.isEmpty()) {
                throw new UserException(location + ": neither a sweep directory nor a folder of them");
            }
            sweeps.sort(null);
            return sweeps;
        } catch (IOException e) {
            throw new UserException(location + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean exists(SparkSession spark, Path path) {
        return new Storage(spark.sparkContext().hadoopConfiguration()).exists(path);
    }

    /**
     * Whether a statement only reads: a query, or SHOW, DESCRIBE or EXPLAIN. Anything else (DROP,
     * CREATE, INSERT, SET, ...) is a command that would change what the views show.
     *
     * @throws Exception what Spark's parser throws for a statement it cannot parse
     */
    public static boolean onlyReads(SparkSession spark, String statement) throws Exception {
        return !(spark.sessionState().sqlParser().parsePlan(statement) instanceof Command)
                || statement.strip().toUpperCase(Locale.ROOT).matches("(SHOW|DESCRIBE|DESC|EXPLAIN)\\b(?s).*");
    }
}
