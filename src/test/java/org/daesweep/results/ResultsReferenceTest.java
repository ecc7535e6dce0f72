package org.daesweep.results;

import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/RESULTS.md names every file of a sweep directory and every column of every table, as the code does. */
class ResultsReferenceTest {
    @Test
    void everyFileAndColumnIsDocumented() throws IOException, IllegalAccessException {
        String doc = Files.readString(Path.of("docs/RESULTS.md"));
        List<String> missing = new ArrayList<>();
        for (Field f : SweepDirectory.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                if (!doc.contains("`" + name + "`") && !doc.contains("`" + name + "/`")) {
                    missing.add("file " + name);
                }
            }
        }
        for (Table<?> table : Tables.ALL) {
            if (!doc.contains("`" + table.name() + "`")) {
                missing.add("table " + table.name());
            }
            for (StructField column : table.schema().fields()) {
                if (!doc.contains("`" + column.name() + "`")) {
                    missing.add(table.name() + "." + column.name());
                }
            }
        }
        assertEquals(List.of(), missing, "in the code, not in docs/RESULTS.md");
    }
}
