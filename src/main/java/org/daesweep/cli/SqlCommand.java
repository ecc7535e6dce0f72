package org.daesweep.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.daesweep.UserException;
import org.daesweep.results.SweepViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
            description = "table (aligned columns, decimals to 6 significant digits), csv (with a header) or json (one "
                    + "object per line), both with every digit; default ${DEFAULT-VALUE}")
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

    /**
     * The query's result; a query Spark refuses is the user's mistake, in one line. Statements
     * that would change the views (DROP, CREATE, INSERT, SET, ...) are refused before they run:
     * this command reads.
     */
    static Dataset<Row> run(SparkSession spark, String query) {
        try {
            if (!SweepViews.onlyReads(spark, query)) {
                throw new UserException("query: only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run here, and "
                        + "this statement is not one: the views are the sweep's tables as they are");
            }
            return spark.sql(query);
        } catch (UserException e) {
            throw e;
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
            default -> out.print(rounded(result).showString(maxRows, 0, false));
        }
    }

    /** Floating-point columns to 6 significant digits, for reading; csv and json keep every digit. */
    private static Dataset<Row> rounded(Dataset<Row> result) {
        UserDefinedFunction sixDigits = functions.udf((UDF1<Double, String>) SqlCommand::sixDigits, DataTypes.StringType);
        Dataset<Row> out = result;
        for (StructField f : result.schema().fields()) {
            if (f.dataType() == DataTypes.DoubleType || f.dataType() == DataTypes.FloatType) {
                out = out.withColumn(f.name(), sixDigits.apply(functions.col(f.name()).cast(DataTypes.DoubleType)));
            }
        }
        return out;
    }

    static String sixDigits(Double v) {
        if (v == null) {
            return null;
        }
        if (v.isNaN() || v.isInfinite() || v == 0) {
            return v.toString();
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
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
