package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.validation.UnitCubeProblem;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;

class NestedSamplerTest {

    private static SamplerResult mixture(long seed) {
        Problem p = ValidationProblems.mixture(2).problem();
        return NestedSampler.run(p, SamplerSettings.defaults(2, seed).withNlive(100), ProgressListener.QUIET);
    }

    @Test
    void sameSeedGivesBitIdenticalResultsOnAnyThread() throws Exception {
        SamplerResult a = mixture(42);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SamplerResult> b = pool.submit(() -> mixture(42));
            assertIdentical(a, b.get());
        } finally {
            pool.shutdown();
        }
        SamplerResult other = mixture(43);
        assertTrue(other.logZ() != a.logZ(), "another seed gives other numbers");
    }

    private static void assertIdentical(SamplerResult a, SamplerResult b) {
        assertEquals(a.logZ(), b.logZ(), 0.0);
        assertEquals(a.logZErr(), b.logZErr(), 0.0);
        assertEquals(a.nLikelihood(), b.nLikelihood());
        assertEquals(a.nDead(), b.nDead());
        assertArrayEquals(a.posterior().theta(), b.posterior().theta(), 0.0);
        assertArrayEquals(a.posterior().logWeight(), b.posterior().logWeight(), 0.0);
        assertEquals(a.clusters(), b.clusters());
    }

    @Test
    void resultsAreConsistent() {
        SamplerResult r = mixture(7);
        WeightedPoints post = r.posterior();
        assertEquals(r.nDead() + r.settings().nlive(), post.size());
        double total = 0;
        for (double lw : post.logWeight()) {
            total += Math.exp(lw);
        }
        assertEquals(1.0, total, 1e-9);
        for (int i = 0; i < post.size(); i++) {
            assertTrue(post.logL()[i] > post.logLBirth()[i], "each point lies above its birth contour");
        }
        for (int i = 1; i < r.nDead(); i++) {
            assertTrue(post.logL()[i] >= post.logL()[i - 1], "dead points die in increasing likelihood");
        }
        // Each mode's local evidence is the known weight of its Gaussian times the evidence (the two hold equal
        // mass inside the cube), within 4 of its reported standard deviations.
        ValidationProblem truth = ValidationProblems.mixture(2);
        assertEquals(2, r.clusters().size());
        for (int k = 0; k < 2; k++) {
            ClusterSummary mode = r.clusters().get(k);
            double expected = truth.truthLogZ() + Math.log(truth.modeWeights().get(k));
            assertEquals(expected, mode.logZ(), 4 * mode.logZErr(), "log Z of mode " + k);
        }
        for (int k = 0; k < r.clusters().size(); k++) {
            WeightedPoints m = r.modePoints(k);
            double wsum = 0;
            for (double lw : m.logWeight()) {
                wsum += Math.exp(lw);
            }
            assertEquals(1.0, wsum, 1e-9);
        }
        // The larger mode sits at 0.3 in every coordinate, the smaller at 0.7.
        assertEquals(0.3, r.modePoints(0).mean()[0], 0.02);
        assertEquals(0.7, r.modePoints(1).mean()[0], 0.02);
        assertEquals(0.05, r.modePoints(0).sd()[0], 0.01);
        assertTrue(r.klDivergence() > 0);
        double[][] eq = post.equalWeightSamples(500, 3L);
        assertEquals(500, eq.length);
        assertArrayEquals(eq[17], post.equalWeightSamples(500, 3L)[17], 0.0);
    }

    @Test
    void progressIsReportedAtEachCompression() {
        List<Progress> seen = new ArrayList<>();
        SamplerResult r = NestedSampler.run(ValidationProblems.gauss9().problem(),
                SamplerSettings.defaults(9, 1).withNlive(50), seen::add);
        assertTrue(seen.size() > 5);
        Progress last = seen.get(seen.size() - 1);
        assertEquals(r.nDead(), last.nDead());
        assertTrue(last.line().contains("log Z"));
    }

    @Test
    void maxNdeadStopsTheRun() {
        SamplerResult r = NestedSampler.run(ValidationProblems.gauss9().problem(),
                SamplerSettings.defaults(9, 1).withNlive(50).withMaxNdead(123), ProgressListener.QUIET);
        assertEquals(123, r.nDead());
    }

    @Test
    void impossibleSettingsNameTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplerSettings.defaults(9, 1).withNlive(9)
                .checkFor(9)).getMessage().contains("nlive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplerSettings.defaults(2, 1)
                .withNumRepeats(0)).getMessage().contains("num_repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplerSettings.defaults(2, 1)
                .withNprior(10)).getMessage().contains("nprior"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplerSettings.defaults(2, 1)
                .withMaxNdead(0)).getMessage().contains("max_ndead"));
    }

    @Test
    void aSupportTooSmallToSampleIsReported() {
        Problem nothing = new UnitCubeProblem(2, 0, 1) {
            @Override
            public double logLikelihood(double[] theta) {
                return Problem.LOG_ZERO;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NestedSampler.run(nothing, SamplerSettings.defaults(2, 1), ProgressListener.QUIET));
        assertTrue(e.getMessage().contains("nfail"));
    }
}
