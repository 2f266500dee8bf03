package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.output.Table;
import scala.jdk.javaapi.CollectionConverters;

/** Rows written by {@link RowParquet} read back the same, by {@link RowParquet} and by Spark. */
class RowParquetTest {

    private static final Configuration CONF = new Configuration(false);

    /** One column of every supported type. */
    private static final StructType SCHEMA = new StructType()
            .add("s", DataTypes.StringType).add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType).add("b", DataTypes.BooleanType)
            .add("ds", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("ss", DataTypes.createArrayType(DataTypes.StringType))
            .add("is", DataTypes.createArrayType(DataTypes.IntegerType))
            .add("m", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.IntegerType));

    @TempDir
    Path dir;

    private static List<Row> rows() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        counts.put(3, 7);
        counts.put(1, null);
        return List.of(
                RowFactory.create("a", 1, 2L, -0.5, true, new double[] {1.5, Double.NaN}, new String[] {"x", null},
                        new Integer[] {4, null}, CollectionConverters.asScala(counts)),
                RowFactory.create(null, null, null, null, null, null, null, null, null),
                RowFactory.create("", -1, Long.MAX_VALUE, Double.NEGATIVE_INFINITY, false, new double[0],
                        new String[0], new Integer[0], Map.of()));
    }

    @Test
    void everyTypeAndNullReadsBackAsWritten() throws IOException {
        List<Row> read = RowParquet.read(RowParquet.write(SCHEMA, rows(), CONF), "t", SCHEMA, CONF);
        assertEquals(3, read.size());
        Row a = read.get(0);
        assertEquals(List.of("a", 1, 2L, -0.5, true), List.of(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4)));
        assertArrayEquals(new double[] {1.5, Double.NaN}, (double[]) a.get(5));
        assertArrayEquals(new String[] {"x", null}, (Object[]) a.get(6));
        assertArrayEquals(new Integer[] {4, null}, (Object[]) a.get(7));
        Map<Object, Object> counts = new LinkedHashMap<>();
        counts.put(3, 7);
        counts.put(1, null);
        assertEquals(counts, a.get(8));
        for (int f = 0; f < SCHEMA.size(); f++) {
            assertNull(read.get(1).get(f), SCHEMA.fields()[f].name());
        }
        Row c = read.get(2);
        assertEquals(List.of("", -1, Long.MAX_VALUE, Double.NEGATIVE_INFINITY, false),
                List.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4)));
        assertEquals(0, ((double[]) c.get(5)).length);
        assertEquals(Map.of(), c.get(8));
    }

    @Test
    void aColumnTheFileLacksReadsAsNullAndTheSchemaIsChecked() throws IOException {
        StructType fewer = new StructType().add("s", DataTypes.StringType);
        byte[] bytes = RowParquet.write(fewer, List.of(RowFactory.create("only")), CONF);
        Row row = RowParquet.read(bytes, "t", SCHEMA, CONF).get(0);
        assertEquals("only", row.get(0));
        assertNull(row.get(1));
        assertTrue(RowParquet.hasSchema(bytes, fewer, CONF));
        assertFalse(RowParquet.hasSchema(bytes, SCHEMA, CONF));
        StructType retyped = new StructType().add("s", DataTypes.IntegerType);
        IOException e = assertThrows(IOException.class, () -> RowParquet.read(bytes, "f.parquet", retyped, CONF));
        assertTrue(e.getMessage().startsWith("f.parquet: column 's'"), e.getMessage());
        assertThrows(IOException.class, () -> RowParquet.hasSchema(new byte[] {1, 2, 3}, fewer, CONF));
    }

    @Test
    @Tag("spark")
    void sparkReadsTheFileWithTheTablesTypesAndValues() throws IOException {
        Path file = dir.resolve("part-00000.parquet");
        Files.write(file, RowParquet.write(SCHEMA, rows(), CONF));
        var frame = SharedSpark.session().read().parquet(file.toString());
        assertEquals(SCHEMA, frame.schema());
        List<Row> read = frame.collectAsList();
        assertEquals("[a,1,2,-0.5,true,ArraySeq(1.5, NaN),ArraySeq(x, null),ArraySeq(4, null),Map(3 -> 7, 1 -> null)]",
                read.get(0).toString());
        assertEquals("[null,null,null,null,null,null,null,null,null]", read.get(1).toString());
        Path summary = dir.resolve("summary.parquet");
        StructType schema = Tables.schema(Table.SUMMARY);
        Files.write(summary, RowParquet.write(schema, List.of(), CONF));
        assertEquals(schema, SharedSpark.session().read().parquet(summary.toString()).schema());
    }
}
