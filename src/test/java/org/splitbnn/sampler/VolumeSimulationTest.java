package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The simulated errors against closed forms. With {@link VolumeSimulation#SIMULATIONS} draws a simulated error has a
 * relative standard error of about 7% (1 / sqrt(2 x 100) for a standard deviation; 6.9% for the log-normal match of
 * a Beta(3, 297) share, by simulation), so the tolerances are 4 of those.
 */
class VolumeSimulationTest {

    private static final double TOLERANCE = 4 / Math.sqrt(2.0 * VolumeSimulation.SIMULATIONS);

    /** One cluster, no splits: the simulated error of log Z is the moments' error. */
    @Test
    void oneClusterMatchesTheMoments() {
        int n = 20;
        int deaths = 150;
        double[] logL = new double[deaths];
        int[] nLocal = new int[deaths];
        EvidenceMoments moments = new EvidenceMoments();
        for (int i = 0; i < deaths; i++) {
            logL[i] = 0.05 * i;
            nLocal[i] = n;
            moments.kill(logL[i], n);
        }
        double logMeanLive = 0.05 * deaths;
        VolumeSimulation.Tree tree = new VolumeSimulation.Tree(logL, new int[deaths], nLocal, deaths, new int[] {-1},
                new int[] {0}, new int[] {n}, new double[1], new double[] {logMeanLive}, new int[] {0}, 1,
                new double[] {moments.logMeanZ()});
        VolumeSimulation.Errors e = VolumeSimulation.simulate(tree, RandomSource.XO_SHI_RO_256_PP.create(5L));
        double expected = moments.withLiveContribution(logMeanLive).logZError();
        assertEquals(expected, e.logZErr(), TOLERANCE * expected);
        assertEquals(0.0, e.weightErr()[0], 1e-12);
    }

    /**
     * The root splits at once into children of 3 and 297 live points, each of constant likelihood: the first mode's
     * weight and evidence are its volume share, Beta(3, 297).
     */
    @Test
    void aSplitCarriesTheDirichletShare() {
        int a = 3;
        int b = 297;
        VolumeSimulation.Tree tree = new VolumeSimulation.Tree(new double[0], new int[0], new int[0], 0,
                new int[] {-1, 0, 0}, new int[] {0, 0, 0}, new int[] {a + b, a, b}, new double[3],
                new double[] {Double.NEGATIVE_INFINITY, 0, 0}, new int[] {-1, 0, 1}, 2, new double[3]);
        VolumeSimulation.Errors e = VolumeSimulation.simulate(tree, RandomSource.XO_SHI_RO_256_PP.create(6L));
        double n = a + b;
        double betaSd = Math.sqrt(a * b / (n * n * (n + 1)));
        assertEquals(betaSd, e.weightErr()[0], TOLERANCE * betaSd);
        assertEquals(betaSd, e.weightErr()[1], TOLERANCE * betaSd);
        // the first mode's evidence is its Beta(3, 297) share; the log-normal with the share's mean and mean square
        // has log-variance log(1 + var / mean^2) = log(1 + b / (a (a + b + 1)))
        double logSd = Math.sqrt(Math.log1p(b / (a * (n + 1))));
        assertEquals(logSd, e.modeLogZErr()[0], TOLERANCE * logSd);
        assertEquals(0.0, e.logZErr(), 1e-9);
    }

    /** An urn variance v scatters the share by a further log-normal factor of variance log(1 + v). */
    @Test
    void theUrnPhaseWidensTheShare() {
        int a = 3000;
        int b = 3000;
        double urn = 0.5;
        VolumeSimulation.Tree tree = new VolumeSimulation.Tree(new double[0], new int[0], new int[0], 0,
                new int[] {-1, 0, 0}, new int[] {0, 0, 0}, new int[] {a + b, a, b}, new double[] {0, urn, 0},
                new double[] {Double.NEGATIVE_INFINITY, 0, 0}, new int[] {-1, 0, 1}, 2, new double[3]);
        VolumeSimulation.Errors e = VolumeSimulation.simulate(tree, RandomSource.XO_SHI_RO_256_PP.create(7L));
        // w = 1 / (1 + exp(-s z)), z ~ N(0, 1), with s^2 = log(1 + v) plus the two Gamma(3000) log variances (1/a)
        double s = Math.sqrt(Math.log1p(urn) + 2.0 / a);
        double m1 = 0;
        double m2 = 0;
        double dz = 1e-3;
        for (double z = -10; z <= 10; z += dz) {
            double p = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * dz;
            double w = 1 / (1 + Math.exp(-s * z));
            m1 += p * w;
            m2 += p * w * w;
        }
        double expected = Math.sqrt(m2 - m1 * m1);
        assertEquals(expected, e.weightErr()[0], TOLERANCE * expected);
    }
}
