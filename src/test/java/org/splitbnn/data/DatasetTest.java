package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void copiesItsInput() {
        double[] x1 = {1, 2};
        Dataset data = new Dataset("d", x1, new double[] {3, 4}, new int[] {0, 1});
        x1[0] = 99;
        assertEquals(1, data.x(0, 0));
        assertEquals(2, data.size());
        assertEquals(1, data.countOfClass(0));
    }

    @Test
    void rejectsBadRows() {
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new double[] {1}, new double[] {1, 2}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new double[] {Double.NaN}, new double[] {1}, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new double[] {1}, new double[] {1}, new int[] {2}));
    }
}
