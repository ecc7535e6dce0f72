package org.daesweep.results;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.function.Function;

/**
 * A result table as a list of column declarations: its schema and its rows both come from the
 * list, so they cannot disagree on order or type.
 *
 * @param <E> what one row is made from
 */
public final class Table<E> {
    /** One column: its name, its Spark type, and its value in a row made from an entry (null for none). */
    public record Column<E>(String name, DataType type, Function<E, Object> value) {
    }

    private final String name;
    private final List<Column<E>> columns;

    Table(String name, List<Column<E>> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /** Its folder in a sweep directory and its view's name in {@code sql}. */
    public String name() {
        return name;
    }

    public StructType schema() {
        return new StructType(columns.stream().map(c -> DataTypes.createStructField(c.name(), c.type(), true))
                .toArray(StructField[]::new));
    }

    public Row row(E entry) {
        return RowFactory.create(columns.stream().map(c -> c.value().apply(entry)).toArray());
    }

    public List<Row> rows(List<E> entries) {
        return entries.stream().map(this::row).toList();
    }
}
