package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;

class LogLikelihoodGradientTest {

    private static final Dataset TRAIN = ModelFixtures.devTrain();

    @Test
    void valueIsThePolyChordCheckValue() {
        double[] gradient = new double[9];
        double logL = new LogLikelihoodGradient(TRAIN, NetworkShape.PAPER).valueAndGradient(ModelFixtures.CHECK_THETA,
                gradient);
        assertEquals(ModelFixtures.CHECK_LOG_L, logL, 1e-10 * Math.abs(ModelFixtures.CHECK_LOG_L));
    }

    /**
     * Against Richardson-extrapolated central differences of the exact log-likelihood ({@link Network}): truncation
     * error of order h^4 ~ 1e-12 and rounding of order 1e-16 |log L| / h ~ 1e-11 for h = 1e-4, both far below the
     * tolerance of 1e-6 relative (to the component, or 1 when the component is smaller than 1).
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(17L);
        for (int[] shapes : new int[][] {{2, 1}, {2, 2}, {2, 3}, {1, 2}, {4, 3}}) {
            NetworkShape shape = new NetworkShape(shapes[0], shapes[1]);
            Dataset data = shape.inputs() == 2 ? TRAIN : ModelFixtures.parity(shape.inputs(), 150);
            LogLikelihoodGradient backprop = new LogLikelihoodGradient(data, shape);
            for (int trial = 0; trial < 5; trial++) {
                double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
                double[] gradient = new double[shape.dimension()];
                backprop.valueAndGradient(theta, gradient);
                for (int i = 0; i < theta.length; i++) {
                    double h = 1e-4;
                    double d1 = centralDifference(data, shape, theta, i, h);
                    double d2 = centralDifference(data, shape, theta, i, h / 2);
                    double extrapolated = (4 * d2 - d1) / 3;
                    assertEquals(extrapolated, gradient[i], 1e-6 * Math.max(1, Math.abs(extrapolated)),
                            shape.label() + " parameter " + i);
                }
            }
        }
    }

    private static double centralDifference(Dataset data, NetworkShape shape, double[] theta, int i, double h) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[i] += h;
        minus[i] -= h;
        return (new Network(shape, plus).logLikelihood(data) - new Network(shape, minus).logLikelihood(data))
                / (2 * h);
    }
}
