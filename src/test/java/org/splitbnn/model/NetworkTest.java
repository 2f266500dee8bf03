package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;

class NetworkTest {

    private final Dataset train = ModelFixtures.devTrain();

    @Test
    void reproducesThePolyChordCheckValue() {
        double logL = new Network(NetworkShape.PAPER, ModelFixtures.CHECK_THETA).logLikelihood(train);
        assertEquals(ModelFixtures.CHECK_LOG_L, logL, 1e-9 * Math.abs(ModelFixtures.CHECK_LOG_L));
    }

    @Test
    void followsTheReferenceConventions() {
        double[] theta = ModelFixtures.CHECK_THETA;
        Network network = new Network(NetworkShape.PAPER, theta);
        double x1 = 0.3;
        double x2 = -1.7;
        double h1 = 1 / (1 + Math.exp(-(theta[0] * x1 + theta[2] * x2 + theta[4])));
        double h2 = 1 / (1 + Math.exp(-(theta[1] * x1 + theta[3] * x2 + theta[5])));
        double z = theta[6] * h1 + theta[7] * h2 + theta[8];
        assertEquals(z, network.logit(x1, x2), 1e-15);
        assertEquals(1 / (1 + Math.exp(-z)), network.probability(x1, x2), 1e-15);
    }

    @Test
    void rowsAverageAndGridAreConsistent() {
        Network network = new Network(NetworkShape.PAPER, ModelFixtures.CHECK_THETA);
        double[] rows = network.rowLogLikelihoods(train);
        double sum = 0;
        for (int row = 0; row < rows.length; row++) {
            double p = network.probability(train.x(0, row), train.x(1, row));
            assertEquals(Math.log(train.y(row) == 1 ? p : 1 - p), rows[row], 1e-12);
            sum += rows[row];
        }
        assertEquals(sum, network.logLikelihood(train), 0);
        assertEquals(sum / train.size(), network.averageLogLikelihood(train), 0);
        double[] grid = network.probabilities(new double[] {-1, 0, 1}, new double[] {1, 0, -1});
        assertArrayEquals(new double[] {network.probability(-1, 1), network.probability(0, 0),
            network.probability(1, -1)}, grid, 0);
    }

    @Test
    void isFiniteForExtremeParameters() {
        for (double value : new double[] {5, -5, 1e3, -1e3, 1e300}) {
            double[] theta = new double[9];
            java.util.Arrays.fill(theta, value);
            double logL = new Network(NetworkShape.PAPER, theta).logLikelihood(train);
            assertTrue(Double.isFinite(logL), value + " gives " + logL);
        }
    }

    @Test
    void rejectsParameterVectorsOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Network(NetworkShape.PAPER, new double[8]));
        assertTrue(e.getMessage().contains("9 parameters, got 8"), e.getMessage());
    }
}
