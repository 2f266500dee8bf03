package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;

class GridCellsTest {

    @Test
    void coversThePointsWithDecimalMultiplesOfTheStep() {
        Dataset d = new Dataset("d", new double[] {-0.25, 0.31}, new double[] {0.05, 0.1}, new int[] {0, 1});
        GridCells cells = GridCells.covering(d, 0.1);
        // x1: -0.3 .. 0.4 (8 values), x2: 0.0 .. 0.1 (2 values), x1 in the outer loop
        assertEquals(16, cells.size());
        assertArrayEquals(new double[] {-0.3, -0.3, -0.2, -0.2}, Arrays.copyOf(cells.x1(), 4));
        assertArrayEquals(new double[] {0.0, 0.1, 0.0, 0.1}, Arrays.copyOf(cells.x2(), 4));
        assertEquals(0.4, cells.x1()[15]);
        assertEquals(0.3, cells.x1()[12]);
        assertThrows(IllegalArgumentException.class, () -> GridCells.covering(d, 0));
    }

    @Test
    void aHugeRangeCountsAsMoreCellsThanAnyGridMayHave() {
        Dataset d = new Dataset("d", new double[] {-1, 1e150}, new double[] {0, 1}, new int[] {0, 1});
        assertEquals(Long.MAX_VALUE, GridCells.count(d, 0.1));
        assertThrows(IllegalArgumentException.class, () -> GridCells.covering(d, 0.1));
    }
}
