package org.daesweep.results;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daesweep.UserException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's tables and files, made visible as one set: each is written whole into a staging
 * folder, then a manifest naming them all is written (atomically), then each is renamed into
 * place and the manifest removed. A run stopped before the manifest leaves the earlier set as it
 * was; one stopped after it is completed by the directory's next owner ({@link
 * ResultStore#recover}), so the tables never mix two runs once a sweep opens the directory.
 */
public final class Publication {
    /** While it exists, a publication is under way or was stopped partway. */
    private final SparkSession spark;
    private final ResultStore store;
    private final Path staging;
    private final Set<String> names = new LinkedHashSet<>();

    Publication(SparkSession spark, ResultStore store, Path staging) {
        this.spark = spark;
        this.store = store;
        this.staging = staging;
    }

    public void writeTable(Table<?> table, List<Row> rows) {
        Path where = new Path(staging, table.name());
        delete(where);
        store.writeTable(spark, where, table.name(), table.schema(), rows);
        names.add(table.name());
    }

    public void writeFile(String name, byte[] content) {
        Path where = new Path(staging, name);
        delete(where);
        store.writeFile(where, name, content);
        names.add(name);
    }

    /** Makes every staged table and file visible, replacing those of the same names. */
    public void publish() {
        List<String> lines = new ArrayList<>();
        lines.add(staging.getName());
        lines.addAll(names);
        store.writeFile(SweepDirectory.MANIFEST, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        moveIntoPlace(store, staging, names);
    }

    /** Completes a publication that an earlier run wrote the manifest of but did not finish. */
    static void completeInterrupted(ResultStore store) {
        store.readFile(SweepDirectory.MANIFEST).ifPresent(bytes -> {
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new UserException(store.path(SweepDirectory.MANIFEST) + ": empty; remove it and run the sweep again");
            }
            Path staging = new Path(new Path(store.root(), SweepDirectory.STAGING), lines.get(0));
            moveIntoPlace(store, staging, lines.subList(1, lines.size()));
        });
    }

    /** Renames each staged name that is still staged (a completed rename is not redone), then drops the manifest. */
    private static void moveIntoPlace(ResultStore store, Path staging, Iterable<String> names) {
        for (String name : names) {
            Path staged = new Path(staging, name);
            try {
                if (store.fileSystem().exists(staged)) {
                    store.publish(staged, new Path(store.root(), name));
                }
            } catch (IOException e) {
                throw store.cannotWrite(name, e);
            }
        }
        store.delete(SweepDirectory.MANIFEST);
    }

    private void delete(Path where) {
        try {
            store.fileSystem().delete(where, true);
        } catch (IOException e) {
            throw store.cannotWrite(where.getName(), e);
        }
    }
}
