package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.validation.UnitCubeProblem;

class SliceSamplerTest {

    /** log L = -r^2 around (0.5, 0.5) on the unit square, with x &lt; 0.5 outside the support. */
    private static final class Disc extends UnitCubeProblem {
        long calls;

        Disc() {
            super(2, 0, 1);
        }

        @Override
        public double logLikelihood(double[] t) {
            calls++;
            if (t[0] < 0.5) {
                return LOG_ZERO;
            }
            double dx = t[0] - 0.5;
            double dy = t[1] - 0.5;
            return -(dx * dx + dy * dy);
        }
    }

    /**
     * Every point of a long chain stays inside the contour r &lt; 0.2 and the support, and the chain covers the
     * allowed half disc uniformly: the fraction inside r &lt; 0.1 matches its area fraction within 4 sigma.
     */
    @Test
    void chainStaysInsideTheContourAndSamplesItUniformly() {
        Disc disc = new Disc();
        SliceSampler s = new SliceSampler(disc, RandomSource.XO_SHI_RO_256_PP.create(9L), 1);
        double[] chol = {0.1, 0, 0, 0.1};
        double logLStar = -0.04;
        double[] u = {0.55, 0.5};
        double[] theta = new double[2];
        double logL = disc.logLikelihood(u);
        int n = 4000;
        int inner = 0;
        for (int i = 0; i < n; i++) {
            logL = s.sample(u, 0, logL, chol, logLStar, 5, u, theta);
            assertTrue(logL > logLStar, "point outside the contour");
            assertTrue(u[0] >= 0.5, "point outside the support");
            assertEquals(disc.logLikelihood(theta), logL, 0.0);
            if (logL > -0.01) {
                inner++;
            }
        }
        // The allowed half of the disc r < 0.2 holds the allowed half of r < 0.1: an area fraction of 0.25.
        // Five slice steps between recorded points make them close to independent: binomial error.
        double f = inner / (double) n;
        assertEquals(0.25, f, 4 * Math.sqrt(0.25 * 0.75 / n));
        assertEquals(disc.calls - n - 1, s.likelihoodCalls() + s.outsideSupportCalls());
        assertTrue(s.outsideSupportCalls() > 0, "the support boundary was met");
    }
}
