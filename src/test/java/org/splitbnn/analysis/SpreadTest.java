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

    @Test
    void weightedQuartilesInvertTheWeightedDistribution() {
        // sorted 1 (0.25), 2 (0.25), 3 (0.5): cumulative 0.25, 0.5, 1
        Spread s = Spread.of(new double[] {3, 1, 2}, new double[] {0.5, 0.25, 0.25});
        assertEquals(new Spread(2.25, 1, 1, 2, 3, 3), s);
        assertEquals(Spread.of(new double[] {4, 1, 3, 2}), Spread.of(new double[] {4, 1, 3, 2},
                new double[] {0.25, 0.25, 0.25, 0.25}), "equal weights: the unweighted definition");
        assertEquals(new Spread(5, 5, 5, 5, 5, 5), Spread.of(new double[] {9, 5}, new double[] {0, 1}),
                "a value of weight 0 plays no part");
    }
}
