package org.daesweep.cli;

import org.apache.hadoop.fs.FileSystem;
import org.daesweep.results.SweepDirectory;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daesweep.data.Storage;
import org.daesweep.UserException;
import org.daesweep.results.Report;
import org.daesweep.results.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Writes a sweep directory's report.html again from its tables (a sweep writes it itself as it runs and at its end). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/report.html again from the sweep's tables: one self-contained page (summary, "
                + "trials, hyperparameter plots, curves, rungs, robustness, test images) to open in a browser.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a sweep directory (<output.dir>/<sweep.name>)")
    String dir;

    @Override
    public Integer call() throws IOException {
        SparkSession spark = LocalSpark.start("report", "local[1]");
        try {
            Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
            Path root = storage.path(dir);
            storage.requireReachable(root);
            FileSystem fs = storage.fs(root);
            if (!SweepDirectory.is(fs, root)) {
                throw new UserException(dir + ": not a sweep directory (no " + SweepDirectory.MARKER + " marker)");
            }
            ResultStore store = new ResultStore(spark, dir);
            Report.fromTables(spark, store);
            System.out.println("Report: " + store.path(SweepDirectory.REPORT));
            return 0;
        } finally {
            spark.stop();
        }
    }
}
