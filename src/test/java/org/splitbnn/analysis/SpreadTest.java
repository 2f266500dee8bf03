package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void quartilesInterpolateLikeNumpy() {
        // numpy.quantile([4, 1, 3, 2, 10], [0.25, 0.5, 0.75]) = [2, 3, 4]; of [1, 2, 3, 4]: [1.75, 2.5, 3.25]
        Spread odd = Spread.of(new double[] {4, 1, 3, 2, 10});
        assertEquals(new Spread(4, 1, 2, 3, 4, 10), odd);
        Spread even = Spread.of(new double[] {1, 2, 3, 4});
        assertEquals(1.75, even.q1(), 1e-15);
        assertEquals(2.5, even.median(), 1e-15);
        assertEquals(3.25, even.q3(), 1e-15);
        assertEquals(new Spread(7, 7, 7, 7, 7, 7), Spread.of(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> Spread.of(new double[0]));
    }
}
