package org.splitbnn.analysis.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LaplaceEvidenceTest {

    /**
     * A normalised Gaussian likelihood N(x; mu, Sigma) in 3-D under a uniform prior on [-50, 50]^3: Z = (mass of the
     * Gaussian inside the box) / 100^3, and the mass differs from 1 by less than 1e-100 (the box edge is more than
     * 20 sds from mu), so log Z = -3 log 100. Laplace is exact for a Gaussian; the finite-difference Hessian of a
     * quadratic log L is exact up to rounding (about 1e-10 relative), hence the tolerance 1e-6.
     */
    @Test
    void equalsTheAnalyticEvidenceOfAGaussianLikelihood() {
        double[] mu = {0.3, -1.2, 2.0};
        double[][] sigma = {{1.0, 0.6, 0.2}, {0.6, 2.0, -0.5}, {0.2, -0.5, 0.7}};
        RealMatrix precision = new LUDecomposition(new Array2DRowRealMatrix(sigma)).getSolver().getInverse();
        double logNorm = -1.5 * Math.log(2 * Math.PI)
                - 0.5 * Math.log(new LUDecomposition(new Array2DRowRealMatrix(sigma)).getDeterminant());
        SmoothObjective gaussian = new SmoothObjective() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double q = 0;
                for (int i = 0; i < 3; i++) {
                    g[i] = 0;
                    for (int j = 0; j < 3; j++) {
                        g[i] -= precision.getEntry(i, j) * (x[j] - mu[j]);
                    }
                    q -= g[i] * (x[i] - mu[i]);
                }
                return logNorm - 0.5 * q;
            }
        };
        double[] lower = {-50, -50, -50};
        double[] upper = {50, 50, 50};
        BoxedLbfgs.Result optimum = BoxedLbfgs.DEFAULT.maximise(gaussian, new double[] {5, 5, 5}, lower, upper);
        LaplaceEvidence laplace = LaplaceEvidence.at(gaussian, optimum.x(), -3 * Math.log(100), lower, upper);
        assertTrue(laplace.positiveDefinite());
        assertEquals(-3 * Math.log(100), laplace.logZ(), 1e-6);
    }

    /**
     * A normalised Gaussian with a diagonal covariance, its mean (0.5, 7) outside the box [-10, 10] x [-10, 5]: the
     * maximum lies on the wall x2 = 5, and Z = (1 / 300) Phi((5 - 7) / 2) up to masses beyond the other bounds below
     * 1e-16. The one-sided integral of the wall coordinate is exact for a diagonal Gaussian, hence 1e-6 again.
     */
    @Test
    void equalsTheAnalyticEvidenceOfAGaussianCutByTheWall() {
        double[] mu = {0.5, 7};
        double[] sd = {1, 2};
        SmoothObjective gaussian = new SmoothObjective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double v = 0;
                for (int i = 0; i < 2; i++) {
                    double z = (x[i] - mu[i]) / sd[i];
                    g[i] = -z / sd[i];
                    v += -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(sd[i]);
                }
                return v;
            }
        };
        double[] lower = {-10, -10};
        double[] upper = {10, 5};
        BoxedLbfgs.Result optimum = BoxedLbfgs.DEFAULT.maximise(gaussian, new double[] {0, 0}, lower, upper);
        assertEquals(5, optimum.x()[1]);
        double logPrior = -Math.log(20 * 15);
        LaplaceEvidence laplace = LaplaceEvidence.at(gaussian, optimum.x(), logPrior, lower, upper);
        assertEquals(1, laplace.wallCoordinates());
        double truth = logPrior + Math.log(new NormalDistribution(7, 2).cumulativeProbability(5));
        assertEquals(truth, laplace.logZ(), 1e-6);
    }

    @Test
    void aSaddleHasNoLaplaceEvidence() {
        SmoothObjective saddle = new SmoothObjective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = -x[0];
                g[1] = x[1];
                return -0.5 * x[0] * x[0] + 0.5 * x[1] * x[1];
            }
        };
        LaplaceEvidence laplace = LaplaceEvidence.at(saddle, new double[] {0, 0}, 0, new double[] {-1, -1},
                new double[] {1, 1});
        assertFalse(laplace.positiveDefinite());
        assertTrue(Double.isNaN(laplace.logZ()));
    }
}
