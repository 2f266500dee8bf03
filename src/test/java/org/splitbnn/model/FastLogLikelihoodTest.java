package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;

class FastLogLikelihoodTest {

    private final Dataset train = ModelFixtures.devTrain();

    @Test
    void reproducesThePolyChordCheckValue() {
        double logL = new FastLogLikelihood(train, NetworkShape.PAPER).logLikelihood(ModelFixtures.CHECK_THETA);
        assertEquals(ModelFixtures.CHECK_LOG_L, logL, 1e-12 * Math.abs(ModelFixtures.CHECK_LOG_L));
    }

    @Test
    void agreesWithTheExactNetworkAcrossThePriorBox() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        for (int hidden : new int[] {1, 2, 3, 5}) {
            NetworkShape shape = new NetworkShape(2, hidden);
            FastLogLikelihood fast = new FastLogLikelihood(train, shape);
            for (int draw = 0; draw < 2000; draw++) {
                double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
                double exact = new Network(shape, theta).logLikelihood(train);
                assertEquals(exact, fast.logLikelihood(theta), 1e-12 * Math.abs(exact), Arrays.toString(theta));
            }
        }
    }

    @Test
    void agreesWithTheExactNetworkForEveryNumberOfInputs() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(6L);
        for (int inputs : new int[] {1, 3, 5, 12}) {
            Dataset data = ModelFixtures.parity(inputs, 4100);
            for (int hidden : new int[] {1, 2, 3}) {
                NetworkShape shape = new NetworkShape(inputs, hidden);
                FastLogLikelihood fast = new FastLogLikelihood(data, shape);
                for (int draw = 0; draw < 200; draw++) {
                    double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
                    double exact = new Network(shape, theta).logLikelihood(data);
                    assertEquals(exact, fast.logLikelihood(theta), 1e-12 * Math.abs(exact), shape.label());
                }
            }
        }
    }

    /**
     * Each row's log-likelihood and likelihood agree with the exact network's to 1e-12 (absolute below 1: where a
     * confident row's y z - softplus(z) cancels, the exact form is the less accurate of the two).
     */
    @Test
    void rowLikelihoodsAgreeWithTheExactNetwork() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(7L);
        for (int hidden : new int[] {1, 2, 3, 5}) {
            NetworkShape shape = new NetworkShape(2, hidden);
            FastLogLikelihood fast = new FastLogLikelihood(train, shape);
            assertEquals(train.size(), fast.rows());
            double[] logL = new double[train.size()];
            double[] likelihood = new double[train.size()];
            for (int draw = 0; draw < 200; draw++) {
                double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), draw % 4 == 0 ? 50 : 5);
                double[] exact = new Network(shape, theta).rowLogLikelihoods(train);
                fast.rowLikelihoods(theta, logL, likelihood);
                for (int row = 0; row < exact.length; row++) {
                    String where = "row " + row + " of " + Arrays.toString(theta);
                    assertEquals(exact[row], logL[row], 1e-12 * Math.max(1, Math.abs(exact[row])), where);
                    assertEquals(Math.exp(exact[row]), likelihood[row], 1e-12, where);
                }
            }
        }
    }

    @Test
    void agreesForExtremeParametersAndStaysFinite() {
        FastLogLikelihood fast = new FastLogLikelihood(train, NetworkShape.PAPER);
        for (double value : new double[] {5, -5, 50, -50, 1e6, -1e6}) {
            double[] theta = new double[9];
            Arrays.fill(theta, value);
            theta[8] = -value / 3;
            double exact = new Network(NetworkShape.PAPER, theta).logLikelihood(train);
            double logL = fast.logLikelihood(theta);
            assertTrue(Double.isFinite(logL), value + " gives " + logL);
            assertEquals(exact, logL, 1e-12 * Math.abs(exact), Arrays.toString(theta));
        }
    }

    @Test
    void largeDatasetsDoNotOverflowTheProductOfFactors() {
        Dataset big = NoisyXorGenerator.generate(new NoisyXorRecipe(java.util.List.of(900, 800, 700, 600), 0.5), 3L,
                "big");
        double[] theta = {0, 0, 0, 0, 0, 0, 0, 0, 0};
        double logL = new FastLogLikelihood(big, NetworkShape.PAPER).logLikelihood(theta);
        assertEquals(-big.size() * Math.log(2), logL, 1e-12 * big.size());
        double[] check = ModelFixtures.CHECK_THETA;
        double exact = new Network(NetworkShape.PAPER, check).logLikelihood(big);
        assertEquals(exact, new FastLogLikelihood(big, NetworkShape.PAPER).logLikelihood(check),
                1e-12 * Math.abs(exact));
    }
}
