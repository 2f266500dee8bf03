package org.splitbnn.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.output.ParquetTable;

/**
 * Spark rows of a table as one Parquet file, written and read on the driver without a Spark job, through any Hadoop
 * file system. The file has the layout Spark itself writes (optional columns, arrays as standard three-level LISTs)
 * and carries Spark's schema in its metadata, so {@code spark.read().parquet(...)} reads it with the table's exact
 * types. Columns are matched by name when read: a column the file lacks reads as null (a file of an earlier version),
 * a column the schema lacks is ignored.
 *
 * <p>Column types: string, int, long, double, boolean, arrays of them and maps between them (read as
 * {@link java.util.Map}s in entry order).
 */
final class RowParquet {

    /** Spark's metadata key for the row schema of a Parquet file. */
    private static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

    private RowParquet() {
    }

    /** {@code rows} (with {@code schema}) as the bytes of a Parquet file. */
    static byte[] write(StructType schema, List<Row> rows, Configuration conf) throws IOException {
        MessageType message = messageType(schema);
        Map<String, String> extra = Map.of(SPARK_SCHEMA, schema.json());
        SimpleGroupFactory groups = new SimpleGroupFactory(message);
        BytesOutputFile file = new BytesOutputFile();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file)
                .withType(message).withExtraMetaData(extra).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withConf(conf).build()) {
            for (Row row : rows) {
                Group g = groups.newGroup();
                for (int f = 0; f < schema.size(); f++) {
                    Object v = row.get(f);
                    if (v != null) {
                        append(g, schema.fields()[f], v);
                    }
                }
                writer.write(g);
            }
        }
        return file.bytes.toByteArray();
    }

    /**
     * Whether the Parquet file held in memory ({@code bytes}) is one {@link #write} writes for {@code schema}: the
     * same columns with the same types, and Spark's schema in its metadata.
     *
     * @throws IOException when the bytes are not a Parquet file
     */
    static boolean hasSchema(byte[] bytes, StructType schema, Configuration conf) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(new BytesInputFile(bytes),
                HadoopReadOptions.builder(conf).build())) {
            var meta = footer.getFooter().getFileMetaData();
            return meta.getSchema().equals(messageType(schema))
                    && schema.json().equals(meta.getKeyValueMetaData().get(SPARK_SCHEMA));
        } catch (RuntimeException e) {
            throw new IOException("not a Parquet file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the rows of a Parquet file held in memory ({@code bytes}, named {@code file} in messages) as rows of
     * {@code schema}.
     *
     * @throws IOException when the bytes are not such a file or a column has another type
     */
    static List<Row> read(byte[] bytes, String file, StructType schema, Configuration conf) throws IOException {
        InputFile in = new BytesInputFile(bytes);
        MessageType fileSchema;
        long count;
        try (ParquetFileReader footer = ParquetFileReader.open(in, HadoopReadOptions.builder(conf).build())) {
            fileSchema = footer.getFooter().getFileMetaData().getSchema();
            count = footer.getRecordCount();
        }
        MessageType wanted = messageType(schema);
        for (Type t : wanted.getFields()) {
            if (fileSchema.containsField(t.getName()) && !fileSchema.getType(t.getName()).equals(t)) {
                throw new IOException(file + ": column '" + t.getName() + "' is " + fileSchema.getType(t.getName())
                        + ", expected " + t);
            }
        }
        List<Row> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetTable.groupReader(in, new HadoopParquetConfiguration(conf))
                .set(ReadSupport.PARQUET_READ_SCHEMA, fileSchema.toString()).build()) {
            for (long r = 0; r < count; r++) {
                Group g = reader.read();
                if (g == null) {
                    throw new IOException(file + ": " + r + " rows, the footer says " + count);
                }
                Object[] values = new Object[schema.size()];
                for (int f = 0; f < schema.size(); f++) {
                    String name = schema.fields()[f].name();
                    if (fileSchema.containsField(name)) {
                        int index = fileSchema.getFieldIndex(name);
                        if (g.getFieldRepetitionCount(index) > 0) {
                            values[f] = value(g, index, schema.fields()[f].dataType());
                        }
                    }
                }
                rows.add(RowFactory.create(values));
            }
        }
        return rows;
    }

    /** The Parquet schema Spark writes for {@code schema}. */
    static MessageType messageType(StructType schema) {
        List<Type> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (f.dataType() instanceof ArrayType a) {
                fields.add(Types.optionalList().optionalElement(primitive(a.elementType()))
                        .as(annotation(a.elementType())).named(f.name()));
            } else if (f.dataType() instanceof MapType m) {
                fields.add(Types.optionalGroup().as(LogicalTypeAnnotation.mapType()).addField(Types.repeatedGroup()
                        .addField(Types.required(primitive(m.keyType())).as(annotation(m.keyType())).named("key"))
                        .addField(Types.optional(primitive(m.valueType())).as(annotation(m.valueType()))
                                .named("value"))
                        .named("key_value")).named(f.name()));
            } else {
                fields.add(Types.optional(primitive(f.dataType())).as(annotation(f.dataType())).named(f.name()));
            }
        }
        return new MessageType("spark_schema", fields);
    }

    private static PrimitiveTypeName primitive(DataType t) {
        if (t.equals(DataTypes.StringType)) {
            return PrimitiveTypeName.BINARY;
        } else if (t.equals(DataTypes.IntegerType)) {
            return PrimitiveTypeName.INT32;
        } else if (t.equals(DataTypes.LongType)) {
            return PrimitiveTypeName.INT64;
        } else if (t.equals(DataTypes.DoubleType)) {
            return PrimitiveTypeName.DOUBLE;
        } else if (t.equals(DataTypes.BooleanType)) {
            return PrimitiveTypeName.BOOLEAN;
        }
        throw new IllegalArgumentException("a commit cannot hold a column of type " + t.simpleString());
    }

    private static LogicalTypeAnnotation annotation(DataType t) {
        return t.equals(DataTypes.StringType) ? LogicalTypeAnnotation.stringType() : null;
    }

    private static void append(Group g, StructField field, Object v) {
        if (field.dataType() instanceof MapType m) {
            Group map = g.addGroup(field.name());
            for (Map.Entry<?, ?> e : entries(v)) {
                Group entry = map.addGroup("key_value");
                appendPrimitive(entry, "key", m.keyType(), e.getKey());
                if (e.getValue() != null) {
                    appendPrimitive(entry, "value", m.valueType(), e.getValue());
                }
            }
        } else if (field.dataType() instanceof ArrayType a) {
            Group list = g.addGroup(field.name());
            for (Object e : elements(v)) {
                Group element = list.addGroup("list");
                if (e != null) {
                    appendPrimitive(element, "element", a.elementType(), e);
                }
            }
        } else {
            appendPrimitive(g, field.name(), field.dataType(), v);
        }
    }

    private static void appendPrimitive(Group g, String name, DataType t, Object v) {
        if (t.equals(DataTypes.StringType)) {
            g.append(name, (String) v);
        } else if (t.equals(DataTypes.IntegerType)) {
            g.append(name, (Integer) v);
        } else if (t.equals(DataTypes.LongType)) {
            g.append(name, (Long) v);
        } else if (t.equals(DataTypes.DoubleType)) {
            g.append(name, (Double) v);
        } else {
            g.append(name, (Boolean) v);
        }
    }

    /** The elements of an array value as rows hold it: a Java array or a list. */
    private static List<Object> elements(Object v) {
        if (v instanceof double[] d) {
            List<Object> out = new ArrayList<>(d.length);
            for (double x : d) {
                out.add(x);
            }
            return out;
        } else if (v instanceof Object[] o) {
            return java.util.Arrays.asList(o);
        } else if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        } else if (v instanceof scala.collection.Seq<?> s) {
            return new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(s));
        }
        throw new IllegalArgumentException("not an array value: " + v.getClass().getName());
    }

    /** The entries of a map value as rows hold it: a Java or a Scala map. */
    private static List<Map.Entry<?, ?>> entries(Object v) {
        Map<?, ?> map = v instanceof scala.collection.Map<?, ?> s ? scala.jdk.javaapi.CollectionConverters.asJava(s)
                : (Map<?, ?>) v;
        return new ArrayList<>(map.entrySet());
    }

    /** A value as the tables' rows hold it: arrays of doubles as double[], other arrays as typed Java arrays. */
    private static Object value(Group g, int index, DataType t) {
        if (t instanceof MapType m) {
            Group map = g.getGroup(index, 0);
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < map.getFieldRepetitionCount(0); k++) {
                Group e = map.getGroup(0, k);
                out.put(primitiveValue(e, 0, m.keyType()),
                        e.getFieldRepetitionCount(1) == 0 ? null : primitiveValue(e, 1, m.valueType()));
            }
            return out;
        }
        if (t instanceof ArrayType a) {
            Group list = g.getGroup(index, 0);
            int n = list.getFieldRepetitionCount(0);
            if (a.elementType().equals(DataTypes.DoubleType)) {
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    Group e = list.getGroup(0, k);
                    out[k] = e.getFieldRepetitionCount(0) == 0 ? Double.NaN : e.getDouble(0, 0);
                }
                return out;
            }
            Object[] out = a.elementType().equals(DataTypes.StringType) ? new String[n]
                    : a.elementType().equals(DataTypes.IntegerType) ? new Integer[n]
                    : a.elementType().equals(DataTypes.LongType) ? new Long[n] : new Boolean[n];
            for (int k = 0; k < n; k++) {
                Group e = list.getGroup(0, k);
                out[k] = e.getFieldRepetitionCount(0) == 0 ? null : primitiveValue(e, 0, a.elementType());
            }
            return out;
        }
        return primitiveValue(g, index, t);
    }

    private static Object primitiveValue(Group g, int index, DataType t) {
        if (t.equals(DataTypes.StringType)) {
            return g.getString(index, 0);
        } else if (t.equals(DataTypes.IntegerType)) {
            return g.getInteger(index, 0);
        } else if (t.equals(DataTypes.LongType)) {
            return g.getLong(index, 0);
        } else if (t.equals(DataTypes.DoubleType)) {
            return g.getDouble(index, 0);
        }
        return g.getBoolean(index, 0);
    }

    /** A Parquet input file over bytes in memory. */
    private record BytesInputFile(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return bytes.length - in.available();
                }

                @Override
                public void seek(long newPos) {
                    in.reset();
                    in.skip(newPos);
                }
            };
        }
    }

    /** A Parquet output file into bytes in memory. */
    private static final class BytesOutputFile implements OutputFile {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
