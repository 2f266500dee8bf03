package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvidenceMomentsTest {

    /** With L = 1 everywhere Z = 1 - X_k, whose moments are known exactly for k deaths with n live points. */
    @Test
    void constantLikelihoodMomentsAreExact() {
        int n = 7;
        int k = 25;
        EvidenceMoments m = new EvidenceMoments();
        for (int i = 0; i < k; i++) {
            m.kill(0.0, n);
        }
        double ex = Math.pow(n / (n + 1.0), k);
        double ex2 = Math.pow(n / (n + 2.0), k);
        double ez = 1 - ex;
        double ez2 = 1 - 2 * ex + ex2;
        assertEquals(Math.log(ex), m.logVolume(), 1e-12);
        assertEquals(Math.log(ez), m.logMeanZ(), 1e-12);
        assertEquals(2 * Math.log(ez) - 0.5 * Math.log(ez2), m.logZ(), 1e-12);
        assertEquals(Math.sqrt(Math.log(ez2) - 2 * Math.log(ez)), m.logZError(), 1e-9);
    }

    /** Filling the remaining volume with the live points' likelihood makes Z = 1 with no spread. */
    @Test
    void liveContributionCompletesTheIntegral() {
        EvidenceMoments m = new EvidenceMoments();
        for (int i = 0; i < 40; i++) {
            m.kill(0.0, 5);
        }
        EvidenceMoments done = m.withLiveContribution(0.0);
        assertEquals(0.0, done.logZ(), 1e-12);
        assertEquals(0.0, done.logZError(), 1e-6);
    }

    /** A likelihood that is a step function: the dead points see L = e^-3, the live ones L = 1. */
    @Test
    void dyingSharesFollowTheExpectedVolumes() {
        EvidenceMoments m = new EvidenceMoments();
        double logShare1 = m.kill(-3.0, 4);
        double logShare2 = m.kill(-3.0, 4);
        assertEquals(Math.log(1 / 5.0), logShare1, 1e-15);
        assertEquals(Math.log(4 / 5.0 / 5.0), logShare2, 1e-15);
        double x = 16 / 25.0;
        assertEquals(Math.log(Math.exp(-3) * (1 - x)), m.logMeanZ(), 1e-12);
        assertEquals(Math.log(Math.exp(-3) * (1 - x) + x), m.withLiveContribution(0).logMeanZ(), 1e-12);
    }

    /** A share of the moments scales the mean by the fraction and the second moments by its square. */
    @Test
    void shareScalesTheMoments() {
        EvidenceMoments m = new EvidenceMoments();
        for (int i = 0; i < 10; i++) {
            m.kill(-1.0 * i, 10);
        }
        EvidenceMoments s = m.share(Math.log(0.25));
        assertEquals(m.logMeanZ() + Math.log(0.25), s.logMeanZ(), 1e-12);
        assertEquals(m.logVolume() + Math.log(0.25), s.logVolume(), 1e-12);
        assertEquals(m.logZError(), s.logZError(), 1e-9);
    }
}
