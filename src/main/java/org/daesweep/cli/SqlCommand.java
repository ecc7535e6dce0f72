package org.daesweep.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.daesweep.UserException;
import org.daesweep.results.SweepViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Spark SQL over a sweep's tables on an embedded Spark: no Spark installation needed to read
 * results. A folder of sweeps gives views over all of them, with a {@code sweep} column.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Query a sweep's tables (trials, epochs, rungs, metrics, per_image) with Spark SQL. DIR is a sweep "
                + "directory or a folder of them (e.g. results): each view is then the union of every sweep's table, "
                + "with a sweep column.", "Without a query, lists the views and their columns."})
final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory or a folder of sweep directories")
    String dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "one SQL statement, e.g. \"SELECT * FROM trials\"")
    String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (aligned columns), csv (with a header) or json (one object per line); default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--max-rows", defaultValue = "1000", paramLabel = "N",
            description = "rows printed at most with --format table (default ${DEFAULT-VALUE}); csv and json print all")
    int maxRows;

    @Override
    public Integer call() {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new UserException("--format: table, csv or json, got '" + format + "'");
        }
        SparkSession spark = LocalSpark.start("sql", "local[*]");
        try {
            Map<String, List<String>> views = SweepViews.register(spark, dir);
            if (query == null) {
                printViews(spark, views, System.out);
            } else {
                print(run(spark, query), System.out);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The query's result; a query Spark refuses is the user's mistake, in one line. */
    static Dataset<Row> run(SparkSession spark, String query) {
        try {
            return spark.sql(query);
        } catch (Exception e) { // ParseException and AnalysisException are checked in Scala's eyes only
            throw new UserException("query: " + UserException.firstLine(e));
        }
    }

    private void print(Dataset<Row> result, PrintStream out) {
        switch (format) {
            case "csv" -> {
                out.println(String.join(",", result.columns()));
                result.toLocalIterator().forEachRemaining(row -> out.println(csvLine(row)));
            }
            case "json" -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
            default -> out.print(result.showString(maxRows, 0, false));
        }
    }

    private static String csvLine(Row row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = row.get(i);
            String text = v == null ? "" : v.toString();
            line.append(text.matches("[^,\"\\n\\r]*") ? text : '"' + text.replace("\"", "\"\"") + '"');
        }
        return line.toString();
    }

    private static void printViews(SparkSession spark, Map<String, List<String>> views, PrintStream out) {
        views.forEach((view, sweeps) -> {
            out.printf("%s (%d %s: %s)%n", view, sweeps.size(), sweeps.size() == 1 ? "sweep" : "sweeps",
                    String.join(", ", sweeps));
            for (StructField f : spark.table(view).schema().fields()) {
                out.printf("  %-22s %s%n", f.name(), f.dataType().simpleString());
            }
        });
        out.println("Example: dae-sweep sql DIR \"SELECT sweep, count(*) FROM trials GROUP BY sweep\"");
    }
}
