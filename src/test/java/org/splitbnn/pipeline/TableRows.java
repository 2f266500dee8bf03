package org.splitbnn.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.splitbnn.output.Table;

/** Test rows of a table in its declared column order, with only the named columns set. */
final class TableRows {

    private TableRows() {
    }

    /** A row of {@code table} whose columns are set from alternating names and values; the others are null. */
    static Row of(Table table, Object... namesAndValues) {
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values[table.index((String) namesAndValues[i])] = namesAndValues[i + 1];
        }
        return RowFactory.create(values);
    }
}
