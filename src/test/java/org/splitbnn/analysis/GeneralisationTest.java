package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.model.NetworkShape;

class GeneralisationTest {

    /** A 2-1-1 network that ignores its input: p(y = 1 | x) = sigmoid(b2) everywhere. */
    private static double[] constant(double p) {
        return new double[] {0, 0, 0, 0, Math.log(p / (1 - p))};
    }

    /**
     * Two constant networks, p = 0.9 with weight 0.75 and p = 0.3 with weight 0.25: the solution predicts q = 0.75
     * everywhere. On 4 rows with y = 1, 1, 1, 0: log predictive per row (3 log 0.75 + log 0.25) / 4, accuracy 3/4,
     * Brier (3 x 0.0625 + 0.5625) / 4 = 0.1875, ECE |3/4 - 0.75| = 0 (one bin), and on 4 rows all y = 1 the ECE is
     * |1 - 0.75| = 0.25.
     */
    @Test
    void scoresOfAWeightedSolutionAreThoseOfItsMeanPrediction() {
        NetworkShape shape = new NetworkShape(2, 1);
        Solution solution = new Solution("laplace", 0, new double[][] {constant(0.9), constant(0.3)},
                new double[2], new int[2], new double[] {0.75, 0.25});
        Dataset mixed = new Dataset("mixed", new double[4], new double[4], new int[] {1, 1, 1, 0});
        Dataset ones = new Dataset("ones", new double[4], new double[4], new int[] {1, 1, 1, 1});
        List<GeneralisationRow> rows = Generalisation.rows(solution, shape, mixed, List.of(ones));
        GeneralisationRow train = rows.get(0);
        assertEquals((3 * Math.log(0.75) + Math.log(0.25)) / 4, train.predictiveLogLikelihood(), 1e-12);
        assertEquals(0.75, train.accuracy());
        assertEquals(0.1875, train.brier(), 1e-12);
        assertEquals(0, train.ece(), 1e-12);
        double meanLogL = 0.75 * (3 * Math.log(0.9) + Math.log(0.1)) / 4 + 0.25 * (3 * Math.log(0.3)
                + Math.log(0.7)) / 4;
        assertEquals(meanLogL, train.mean(), 1e-12);
        GeneralisationRow test = rows.get(1);
        assertEquals(0.25, test.ece(), 1e-12);
        assertEquals(1, test.accuracy());
    }
}
