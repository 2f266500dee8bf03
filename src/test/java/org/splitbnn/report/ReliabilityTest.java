package org.splitbnn.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.model.Network;
import org.splitbnn.model.NetworkShape;

class ReliabilityTest {

    @Test
    void binsHoldTheirRowsMeanPredictionAndFractionOfOnes() {
        Reliability r = Reliability.of(new double[] {0.05, 0.15, 0.15, 0.95, 1.0}, new int[] {0, 1, 0, 1, 1}, 10);
        assertArrayEquals(new double[] {0.05, 0.15, 0.975}, r.meanPredicted(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1}, r.observed(), 0);
        assertArrayEquals(new int[] {1, 2, 2}, r.rows());
    }

    @Test
    void posteriorPredictionIsTheMeanOverSamples() {
        NetworkShape shape = new NetworkShape(3, 1);
        double[] a = {1, -1, 0.5, 0.2, 2, -0.3};
        double[] b = {-2, 0.5, 1, -0.1, 1, 0.4};
        double[][] values = new double[shape.dimension()][2];
        for (int j = 0; j < values.length; j++) {
            values[j][0] = a[j];
            values[j][1] = b[j];
        }
        PosteriorSamples samples = new PosteriorSamples(shape.parameterNames(), values, new int[] {1, 1});
        Dataset train = new Dataset("t", new double[][] {{0.3}, {-1.2}, {2.0}}, new int[] {1});
        double p = (new Network(shape, a).probability(0.3, -1.2, 2.0) + new Network(shape, b).probability(0.3, -1.2,
                2.0)) / 2;
        Reliability r = Reliability.ofPosterior(samples, train);
        assertEquals(p, r.meanPredicted()[0], 1e-15);
        assertArrayEquals(new double[] {1}, r.observed(), 0);
    }
}
