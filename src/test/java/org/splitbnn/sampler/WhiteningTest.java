package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class WhiteningTest {

    @Test
    void choleskyReproducesAKnownMatrix() {
        double[] a = {4, 0, 0, 2, 5, 0, -2, 1, 6};
        double[] l = new double[9];
        assertTrue(Whitening.cholesky(a, 3, l));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[i * 3 + k] * l[j * 3 + k];
                }
                assertEquals(a[i * 3 + j], s, 1e-12);
            }
        }
    }

    /** The factor of correlated Gaussian points recovers their covariance within sampling error. */
    @Test
    void factorOfSampledPointsMatchesTheirCovariance() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 20000;
        double[] pts = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double z1 = g.sample();
            double z2 = g.sample();
            pts[2 * i] = 0.5 + 0.1 * z1;
            pts[2 * i + 1] = 0.5 + 0.05 * z1 + 0.02 * z2;
        }
        int[] rows = new int[n];
        java.util.Arrays.setAll(rows, i -> i);
        double[] l = new double[4];
        assertTrue(Whitening.choleskyOfCovariance(pts, rows, n, 2, l));
        // True factor: [[0.1, 0], [0.05, 0.02]]; relative sampling error ~ 1/sqrt(n) = 0.7%.
        assertEquals(0.1, l[0], 0.1 * 0.03);
        assertEquals(0.05, l[2], 0.05 * 0.03);
        assertEquals(0.02, l[3], 0.02 * 0.03);
    }

    @Test
    void degeneratePointsFallBackToTheDiagonal() {
        double[] pts = {0.1, 0.5, 0.2, 0.5, 0.3, 0.5, 0.4, 0.5};
        double[] l = new double[4];
        assertFalse(Whitening.choleskyOfCovariance(pts, new int[] {0, 1, 2, 3}, 4, 2, l));
        assertEquals(Math.sqrt(0.05 / 3 * 0.1 * 10), l[0], 1e-12);
        assertEquals(0.0, l[2], 0.0);
        assertEquals(Whitening.MIN_SD, l[3], 0.0);
    }
}
