package org.splitbnn.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableTest {

    @Test
    void roundTripsEveryColumnType(@TempDir Path dir) throws Exception {
        ParquetTable table = new ParquetTable(List.of(
                new ParquetTable.Doubles("x", new double[] {1.5, -0.0, Double.NEGATIVE_INFINITY}),
                new ParquetTable.Ints("cluster", new int[] {0, 7, -1}),
                new ParquetTable.Longs("calls", new long[] {1L << 40, 2, 3}),
                new ParquetTable.Booleans("prominent", new boolean[] {true, false, true}),
                new ParquetTable.Strings("solution", new String[] {"full", "mode 1", "é"})));
        Path file = dir.resolve("t.parquet");
        table.write(file);
        ParquetTable back = ParquetTable.read(file);
        assertEquals(3, back.rows());
        assertEquals(List.of("x", "cluster", "calls", "prominent", "solution"),
                back.columns().stream().map(ParquetTable.Column::name).toList());
        assertArrayEquals(table.doubles("x"), back.doubles("x"));
        assertArrayEquals(table.ints("cluster"), back.ints("cluster"));
        assertArrayEquals(table.longs("calls"), back.longs("calls"));
        assertArrayEquals(table.booleans("prominent"), back.booleans("prominent"));
        assertArrayEquals(table.strings("solution"), back.strings("solution"));
    }

    @Test
    void emptyTableAndBadShapes(@TempDir Path dir) throws Exception {
        ParquetTable empty = new ParquetTable(List.of(new ParquetTable.Doubles("x", new double[0])));
        empty.write(dir.resolve("e.parquet"));
        assertEquals(0, ParquetTable.read(dir.resolve("e.parquet")).rows());
        assertThrows(IllegalArgumentException.class, () -> new ParquetTable(List.of(
                new ParquetTable.Doubles("x", new double[1]), new ParquetTable.Doubles("y", new double[2]))));
        assertThrows(IllegalArgumentException.class, () -> new ParquetTable(List.of(
                new ParquetTable.Doubles("x", new double[1]), new ParquetTable.Ints("x", new int[1]))));
    }
}
