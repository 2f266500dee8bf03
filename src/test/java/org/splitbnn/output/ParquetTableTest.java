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
    void listsOfDoublesRoundTripAndRowsAreSelected(@TempDir Path dir) throws Exception {
        ParquetTable table = new ParquetTable(List.of(
                new ParquetTable.Strings("run_id", new String[] {"a", "b", "a"}),
                new ParquetTable.DoubleLists("theta", new double[][] {{1, 2}, {}, {-3.5, Double.NaN, 4}})));
        Path file = dir.resolve("l.parquet");
        table.write(file);
        ParquetTable a = ParquetTable.read(file, List.of("theta", "run_id")).rowsWhere("run_id", "a");
        assertEquals(2, a.rows());
        assertArrayEquals(new double[] {1, 2}, a.doubleLists("theta")[0]);
        assertArrayEquals(new double[] {-3.5, Double.NaN, 4}, a.doubleLists("theta")[1]);
        assertEquals(0, ParquetTable.read(file).rowsWhere("run_id", "b").doubleLists("theta")[0].length);
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
