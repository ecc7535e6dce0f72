package org.daesweep.cli;

import org.apache.hadoop.fs.FileSystem;
import org.daesweep.results.SweepDirectory;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.data.Storage;
import org.daesweep.UserException;
import org.daesweep.results.Tables;
import org.daesweep.results.TrialJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Encoders;

/**
 * Checks a sweep directory against its journal: which trials the trials table holds, which
 * journaled trials are missing from it and which appear more than once. Exit code 1 when any is lost or doubled, so scripts
 * (scripts/chaos.sh) can rely on it.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Compare a sweep directory's trials table with its journal: expected, present, lost, duplicated.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a sweep directory (<output.dir>/<sweep.name>)")
    String dir;

    @Override
    public Integer call() throws IOException {
        SparkSession spark = LocalSpark.start("inspect", "local[1]");
        try {
            Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
            Path root = storage.path(dir);
            storage.requireReachable(root);
            FileSystem fs = storage.fs(root);
            Path journal = new Path(root, SweepDirectory.JOURNAL);
            Path trials = new Path(root, Tables.TRIALS.name());
            if (!fs.exists(journal) || !fs.exists(trials)) {
                throw new UserException(dir + ": not a finished sweep directory (no " + SweepDirectory.JOURNAL + " or "
                        + Tables.TRIALS.name() + " table)");
            }
            Set<String> expected = new HashSet<>();
            for (var status : fs.listStatus(journal)) {
                expected.add(TrialJournal.trialId(status.getPath().getName()));
            }
            Dataset<Row> table = spark.read().parquet(trials.toString());
            List<String> ids = table.select("trial_id").as(Encoders.STRING()).collectAsList();
            Set<String> present = new HashSet<>(ids);
            long duplicated = ids.size() - present.size();
            long lost = expected.stream().filter(id -> !present.contains(id)).count();
            long unexpected = present.stream().filter(id -> !expected.contains(id)).count();
            System.out.printf("trials: %d expected, %d present, %d lost, %d duplicated%s%n", expected.size(),
                    present.size(), lost, duplicated, unexpected > 0 ? ", " + unexpected + " not in the journal" : "");
            table.groupBy("status").count().orderBy("status").collectAsList()
                    .forEach(r -> System.out.printf("  status %s: %d%n", r.getString(0), r.getLong(1)));
            table.groupBy("executor", "host").count().orderBy("executor").collectAsList()
                    .forEach(r -> System.out.printf("  executor %s on %s: %d trials%n", r.getString(0), r.getString(1), r.getLong(2)));
            return lost + duplicated + unexpected == 0 ? 0 : 1;
        } finally {
            spark.stop();
        }
    }
}
