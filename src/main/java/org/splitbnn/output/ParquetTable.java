package org.splitbnn.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A small columnar table of double, int, long, boolean, string and list-of-double columns of
 * equal length, and its Parquet form: one Parquet file, snappy-compressed, written and read without Spark or Hadoop
 * file systems. It also reads chosen columns of the part files and table folders that Spark writes.
 *
 * @param columns the columns, in order, with distinct names
 */
public record ParquetTable(List<Column> columns) {

    /** The marker file of a table folder whose part files are all written. */
    public static final String SUCCESS = "_SUCCESS";

    /** A named column of values. */
    public sealed interface Column permits Doubles, Ints, Longs, Booleans, Strings, DoubleLists {
        /** The column's name. */
        String name();

        /** Number of values. */
        int size();

        /** The value of row {@code row} as a table row holds it: boxed, a missing value as null. */
        Object value(int row);
    }

    /** A column of doubles (Parquet DOUBLE). */
    public record Doubles(String name, double[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object value(int row) {
            return values[row];
        }
    }

    /** A column of ints (Parquet INT32). */
    public record Ints(String name, int[] values) implements Column {

        /** The value of a missing (null) int in a column that Spark wrote. */
        public static final int MISSING = Integer.MIN_VALUE;

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object value(int row) {
            return values[row] == MISSING ? null : values[row];
        }
    }

    /** A column of longs (Parquet INT64). */
    public record Longs(String name, long[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object value(int row) {
            return values[row];
        }
    }

    /** A column of booleans (Parquet BOOLEAN). */
    public record Booleans(String name, boolean[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object value(int row) {
            return values[row];
        }
    }

    /** A column of strings (Parquet BINARY annotated as UTF-8 string). */
    public record Strings(String name, String[] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object value(int row) {
            return values[row];
        }
    }

    /**
     * A column of lists of doubles (a Parquet LIST of DOUBLE, as Spark writes an array of doubles): one array per
     * row, a missing (null) list as null and a missing element as NaN.
     */
    public record DoubleLists(String name, double[][] values) implements Column {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object value(int row) {
            return values[row];
        }
    }

    /** Checks that the columns have distinct names and equal lengths. */
    public ParquetTable {
        columns = List.copyOf(columns);
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column c : columns) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
            }
            if (c.size() != columns.get(0).size()) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " values, '"
                        + columns.get(0).name() + "' has " + columns.get(0).size());
            }
        }
    }

    /** Number of rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /** The column called {@code name}. */
    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "'"));
    }

    /** The values of the double column {@code name}. */
    public double[] doubles(String name) {
        return ((Doubles) column(name)).values();
    }

    /** The values of the int column {@code name}. */
    public int[] ints(String name) {
        return ((Ints) column(name)).values();
    }

    /** The values of the long column {@code name}. */
    public long[] longs(String name) {
        return ((Longs) column(name)).values();
    }

    /** The values of the boolean column {@code name}. */
    public boolean[] booleans(String name) {
        return ((Booleans) column(name)).values();
    }

    /** The values of the string column {@code name}. */
    public String[] strings(String name) {
        return ((Strings) column(name)).values();
    }

    /** The values of the list-of-double column {@code name}, one array per row. */
    public double[][] doubleLists(String name) {
        return ((DoubleLists) column(name)).values();
    }

    /** The rows whose string column {@code column} holds {@code value}, in order. */
    public ParquetTable rowsWhere(String column, String value) {
        String[] key = strings(column);
        int[] rows = IntStream.range(0, rows()).filter(i -> value.equals(key[i])).toArray();
        return new ParquetTable(columns.stream().map(c -> select(c, rows)).toList());
    }

    /** The Parquet schema of this table, a flat message called {@code name}. */
    public MessageType schema(String name) {
        List<Type> fields = columns.stream().map(c -> c instanceof DoubleLists
                ? Types.optionalList().optionalElement(PrimitiveTypeName.DOUBLE).named(c.name())
                : (Type) Types.optional(parquetType(c))
                .as(c instanceof Strings ? LogicalTypeAnnotation.stringType() : null).named(c.name())).toList();
        return new MessageType(name, fields);
    }

    /**
     * Writes the table to a new Parquet file (which must not exist); the file's message is named after it. Columns
     * are optional, as Spark writes them: a missing int ({@link Ints#MISSING}), string or list is written as null.
     */
    public void write(Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.parquet$", "");
        MessageType schema = schema(stem);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (int row = 0; row < rows(); row++) {
                Group g = groups.newGroup();
                for (Column c : columns) {
                    append(g, c, row);
                }
                writer.write(g);
            }
        }
    }

    /**
     * Reads a Parquet file of required DOUBLE, INT32, INT64, BOOLEAN, string and list-of-DOUBLE columns (as written
     * by {@link #write(Path)}).
     *
     * @throws IOException when the file cannot be read or has columns of other types
     */
    public static ParquetTable read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads the columns called {@code names}, in that order, of a Parquet file whose columns may also be optional,
     * as Spark writes them: a missing double reads as NaN, a missing int as {@link Ints#MISSING}, a missing string
     * or list as null. The file's other columns, of any type, are skipped.
     *
     * @throws IOException when the file cannot be read, lacks a column, has a named column of another type or a
     *                     missing long or boolean
     */
    public static ParquetTable read(Path file, List<String> names) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        try {
            return readColumns(file, names);
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : ErrorText.of(e);
            throw new IOException(m.contains(file.toString()) ? m : file + ": unreadable Parquet file ("
                    + e.getClass().getSimpleName() + ": " + m + ")", e);
        }
    }

    private static ParquetTable readColumns(Path file, List<String> names) throws IOException {
        InputFile in = new LocalInputFile(file);
        MessageType schema;
        long rowCount;
        try (ParquetFileReader footer = ParquetFileReader.open(in)) {
            schema = footer.getFooter().getFileMetaData().getSchema();
            rowCount = footer.getRecordCount();
        }
        if (names != null) {
            List<Type> projected = new ArrayList<>();
            for (String name : names) {
                if (!schema.containsField(name)) {
                    throw new IOException(file + ": no column '" + name + "'");
                }
                projected.add(schema.getType(name));
            }
            schema = new MessageType(schema.getName(), projected);
        }
        int n = Math.toIntExact(rowCount);
        List<Type> fields = schema.getFields();
        Column[] columns = new Column[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            columns[f] = newColumn(file, fields.get(f), n);
        }
        try (ParquetReader<Group> reader = groupReader(in)
                .set(ReadSupport.PARQUET_READ_SCHEMA, schema.toString()).build()) {
            for (int row = 0; row < n; row++) {
                Group g = reader.read();
                for (int f = 0; f < fields.size(); f++) {
                    if (g.getFieldRepetitionCount(f) == 0) {
                        setMissing(file, columns[f], row);
                    } else {
                        set(columns[f], g, f, row);
                    }
                }
            }
        }
        return new ParquetTable(List.of(columns));
    }

    /**
     * Reads the columns called {@code names} of a table folder as Spark writes it: the rows of its part files
     * ({@code part-*.parquet}) one after the other, in file-name order, each read by {@link #read(Path, List)}.
     *
     * @throws IOException when the folder is incomplete (no {@code _SUCCESS}: its writing was interrupted), has no
     *                     part file or one cannot be read; the message names the path
     */
    public static ParquetTable readFolder(Path dir, List<String> names) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such table folder");
        }
        if (!Files.exists(dir.resolve(SUCCESS))) {
            throw new IOException(dir + ": incomplete table (no _SUCCESS: its writing was interrupted); run the "
                    + "sweep again to repair it");
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        if (parts.isEmpty()) {
            throw new IOException(dir + ": no part-*.parquet file");
        }
        List<ParquetTable> tables = new ArrayList<>();
        for (Path part : parts) {
            tables.add(read(part, names));
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            int index = c;
            columns.add(concat(tables.stream().map(t -> t.columns().get(index)).toList()));
        }
        return new ParquetTable(columns);
    }

    private static Column concat(List<Column> pieces) {
        String name = pieces.get(0).name();
        if (pieces.get(0) instanceof Doubles) {
            return new Doubles(name, pieces.stream().flatMapToDouble(p -> Arrays.stream(((Doubles) p).values()))
                    .toArray());
        } else if (pieces.get(0) instanceof Ints) {
            return new Ints(name, pieces.stream().flatMapToInt(p -> Arrays.stream(((Ints) p).values())).toArray());
        } else if (pieces.get(0) instanceof Longs) {
            return new Longs(name, pieces.stream().flatMapToLong(p -> Arrays.stream(((Longs) p).values())).toArray());
        } else if (pieces.get(0) instanceof Strings) {
            return new Strings(name, pieces.stream().flatMap(p -> Arrays.stream(((Strings) p).values()))
                    .toArray(String[]::new));
        } else if (pieces.get(0) instanceof DoubleLists) {
            return new DoubleLists(name, pieces.stream().flatMap(p -> Arrays.stream(((DoubleLists) p).values()))
                    .toArray(double[][]::new));
        }
        boolean[] all = new boolean[pieces.stream().mapToInt(Column::size).sum()];
        int row = 0;
        for (Column p : pieces) {
            boolean[] values = ((Booleans) p).values();
            System.arraycopy(values, 0, all, row, values.length);
            row += values.length;
        }
        return new Booleans(name, all);
    }

    private static Column select(Column c, int[] rows) {
        if (c instanceof Doubles d) {
            return new Doubles(d.name(), Arrays.stream(rows).mapToDouble(i -> d.values()[i]).toArray());
        } else if (c instanceof Ints n) {
            return new Ints(n.name(), Arrays.stream(rows).map(i -> n.values()[i]).toArray());
        } else if (c instanceof Longs l) {
            return new Longs(l.name(), Arrays.stream(rows).mapToLong(i -> l.values()[i]).toArray());
        } else if (c instanceof Strings t) {
            return new Strings(t.name(), Arrays.stream(rows).mapToObj(i -> t.values()[i]).toArray(String[]::new));
        } else if (c instanceof DoubleLists t) {
            return new DoubleLists(t.name(), Arrays.stream(rows).mapToObj(i -> t.values()[i])
                    .toArray(double[][]::new));
        }
        boolean[] values = ((Booleans) c).values();
        boolean[] picked = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return new Booleans(c.name(), picked);
    }

    private static void setMissing(Path file, Column c, int row) throws IOException {
        if (c instanceof Doubles d) {
            d.values()[row] = Double.NaN;
        } else if (c instanceof Ints i) {
            i.values()[row] = Ints.MISSING;
        } else if (!(c instanceof Strings || c instanceof DoubleLists)) {
            throw new IOException(file + ": column '" + c.name() + "' has a missing value in row " + row);
        }
    }

    private static PrimitiveTypeName parquetType(Column c) {
        if (c instanceof Doubles) {
            return PrimitiveTypeName.DOUBLE;
        } else if (c instanceof Ints) {
            return PrimitiveTypeName.INT32;
        } else if (c instanceof Longs) {
            return PrimitiveTypeName.INT64;
        } else if (c instanceof Booleans) {
            return PrimitiveTypeName.BOOLEAN;
        }
        return PrimitiveTypeName.BINARY;
    }

    private static void append(Group g, Column c, int row) {
        if (c instanceof Doubles d) {
            g.append(d.name(), d.values()[row]);
        } else if (c instanceof Ints i) {
            if (i.values()[row] != Ints.MISSING) {
                g.append(i.name(), i.values()[row]);
            }
        } else if (c instanceof Longs l) {
            g.append(l.name(), l.values()[row]);
        } else if (c instanceof Booleans b) {
            g.append(b.name(), b.values()[row]);
        } else if (c instanceof Strings s) {
            if (s.values()[row] != null) {
                g.append(s.name(), s.values()[row]);
            }
        } else if (c instanceof DoubleLists l && l.values()[row] != null) {
            Group list = g.addGroup(l.name());
            for (double v : l.values()[row]) {
                list.addGroup(0).add(0, v);
            }
        }
    }

    private static void set(Column c, Group g, int field, int row) {
        if (c instanceof Doubles d) {
            d.values()[row] = g.getDouble(field, 0);
        } else if (c instanceof Ints i) {
            i.values()[row] = g.getInteger(field, 0);
        } else if (c instanceof Longs l) {
            l.values()[row] = g.getLong(field, 0);
        } else if (c instanceof Booleans b) {
            b.values()[row] = g.getBoolean(field, 0);
        } else if (c instanceof Strings s) {
            s.values()[row] = g.getString(field, 0);
        } else if (c instanceof DoubleLists l) {
            Group list = g.getGroup(field, 0);
            double[] values = new double[list.getFieldRepetitionCount(0)];
            for (int k = 0; k < values.length; k++) {
                Group element = list.getGroup(0, k);
                values[k] = element.getFieldRepetitionCount(0) == 0 ? Double.NaN : element.getDouble(0, 0);
            }
            l.values()[row] = values;
        }
    }

    private static Column newColumn(Path file, Type field, int n) throws IOException {
        if (isDoubleList(field)) {
            return new DoubleLists(field.getName(), new double[n][]);
        }
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            throw new IOException(file + ": column '" + field.getName() + "' is not a flat primitive column");
        }
        PrimitiveType p = field.asPrimitiveType();
        String name = field.getName();
        return switch (p.getPrimitiveTypeName()) {
            case DOUBLE -> new Doubles(name, new double[n]);
            case INT32 -> new Ints(name, new int[n]);
            case INT64 -> new Longs(name, new long[n]);
            case BOOLEAN -> new Booleans(name, new boolean[n]);
            case BINARY -> new Strings(name, new String[n]);
            default -> throw new IOException(file + ": column '" + field.getName() + "' has unsupported type "
                    + p.getPrimitiveTypeName());
        };
    }

    /**
     * Whether {@code field} is a list of doubles in Parquet's standard three-level form: a group annotated LIST with
     * one repeated group of one DOUBLE element.
     */
    private static boolean isDoubleList(Type field) {
        if (field.isPrimitive() || !(field.getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
            return false;
        }
        GroupType list = field.asGroupType();
        if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)
                || list.getType(0).isPrimitive()) {
            return false;
        }
        GroupType repeated = list.getType(0).asGroupType();
        return repeated.getFieldCount() == 1 && repeated.getType(0).isPrimitive()
                && repeated.getType(0).asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE;
    }

    /** A builder of Parquet readers of example {@link Group}s from any {@link InputFile}. */
    public static ParquetReader.Builder<Group> groupReader(InputFile file) {
        return new GroupReaderBuilder(file);
    }

    /** {@link #groupReader(InputFile)} with the settings of {@code conf}. */
    public static ParquetReader.Builder<Group> groupReader(InputFile file, ParquetConfiguration conf) {
        return new GroupReaderBuilder(file, conf);
    }

    /** A Parquet reader of example {@link Group}s from any {@link InputFile} (the builder's constructor is protected). */
    private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
        GroupReaderBuilder(InputFile file) {
            super(file);
        }

        GroupReaderBuilder(InputFile file, ParquetConfiguration conf) {
            super(file, conf);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
