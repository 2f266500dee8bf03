package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.RunTables;
import org.splitbnn.output.Table;
import org.splitbnn.output.Table.Column;

/** The table contract ({@link Table}) in Spark's terms: schemas of nullable columns, and rows led by the spec. */
final class Tables {

    /** The per-run tables of a sweep, in the order they are written. */
    static final List<Table> SWEEP = List.of(Table.RUNS, Table.MODES, Table.GENERALISATION, Table.OPTIMA,
            Table.STARTS, Table.POSTERIOR, Table.PREDICTIONS);

    private Tables() {
    }

    /** The Spark schema of {@code table}: every column, nullable. */
    static StructType schema(Table table) {
        return new StructType(table.columns().stream().map(Tables::field).toArray(StructField[]::new));
    }

    /**
     * The schema of a table's rows as a run commits them: {@link #schema}, without the runs table's
     * {@link Table#FIGURES} column, which each invocation sets.
     */
    static StructType commitSchema(Table table) {
        StructType all = schema(table);
        return table == Table.RUNS ? new StructType(Arrays.copyOf(all.fields(), all.size() - 1)) : all;
    }

    /**
     * A row of {@code table}: the run's spec columns followed by the table's own columns, each taken from
     * {@code values} by its name (the runs table's {@link Table#FIGURES} aside, which each invocation sets).
     *
     * @throws IllegalStateException when {@code values} names other columns than the table's own
     */
    static Row withSpec(RunSpec spec, Table table, Map<String, Object> values) {
        List<Table.Column> own = table == Table.RUNS ? table.own().subList(0, table.own().size() - 1) : table.own();
        Object[] ownValues = byName(table, own, values);
        Object[] all = new Object[Table.SPEC.size() + own.size()];
        all[0] = spec.runId();
        all[1] = spec.train().name();
        for (int i = 0; i < RunSettings.SETTINGS.size(); i++) {
            all[2 + i] = RunSettings.SETTINGS.get(i).value().apply(spec.settings());
        }
        System.arraycopy(ownValues, 0, all, Table.SPEC.size(), ownValues.length);
        return RowFactory.create(all);
    }

    /**
     * A row of {@code table}, a table without spec columns, each column taken from {@code values} by its name.
     *
     * @throws IllegalStateException when {@code values} names other columns than the table's
     */
    static Row of(Table table, Map<String, Object> values) {
        return RowFactory.create(byName(table, table.own(), values));
    }

    /** The values of the columns {@code own} of {@code table}, in order; {@code values} must name exactly them. */
    private static Object[] byName(Table table, List<Table.Column> own, Map<String, Object> values) {
        if (!values.keySet().equals(new HashSet<>(own.stream().map(Table.Column::name).toList()))) {
            throw new IllegalStateException("table " + table.folder() + " has the own columns "
                    + own.stream().map(Table.Column::name).toList() + ", got values of " + values.keySet());
        }
        return own.stream().map(c -> values.get(c.name())).toArray();
    }

    /** The rows of a run's table as {@link RunTables} builds it (spec columns included). */
    static List<Row> rows(ParquetTable table) {
        int n = table.columns().isEmpty() ? 0 : table.columns().get(0).size();
        List<Row> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] values = new Object[table.columns().size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = table.columns().get(c).value(r);
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    /** A run's committed {@code runs} row followed by the {@link Table#FIGURES} column. */
    static Row withFigures(Row run, boolean marked) {
        Object[] all = new Object[run.size() + 1];
        for (int i = 0; i < run.size(); i++) {
            all[i] = run.get(i);
        }
        all[run.size()] = marked;
        return RowFactory.create(all);
    }

    private static StructField field(Column c) {
        DataType type = switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING_LIST -> DataTypes.createArrayType(DataTypes.StringType);
            case INT_LIST -> DataTypes.createArrayType(DataTypes.IntegerType);
            case DOUBLE_LIST -> DataTypes.createArrayType(DataTypes.DoubleType);
            case INT_INT_MAP -> DataTypes.createMapType(DataTypes.IntegerType, DataTypes.IntegerType);
        };
        return DataTypes.createStructField(c.name(), type, true);
    }
}
