package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * The reported error is an honest error: over 24 seeds at small nlive, the pulls (log Z - truth) / sigma have a
 * standard deviation in [0.6, 1.6] and a mean in [-0.6, 0.6]. The eggbox, with some twenty clusters, is the case
 * where summing per-cluster integrations (PolyChordLite) reads several sigma high; sparse2 is the case where a heavy
 * mode splits off with a few live points, so its share of the volume is uncertain; corr12 at nlive 100 is cut into
 * several clusters of a few dozen points each, whose regions must still bound their part of the contour.
 */
@Tag("statistical")
class CalibrationTest {

    private static final int SEEDS = 24;

    @ParameterizedTest(name = "{0} nlive {1} {2}")
    @CsvSource({"gauss9, 50, slice", "eggbox, 200, slice", "gauss9, 50, region", "eggbox, 200, region",
        "corr12, 100, region"})
    void pullsAreUnbiasedWithUnitSpread(String name, int nlive, String sampler) {
        ValidationProblem vp = ValidationProblems.byName(name);
        List<Double> pulls = new ArrayList<>();
        for (long seed = 100; seed < 100 + SEEDS; seed++) {
            pulls.add(ValidationSuite.run(vp, nlive, seed, SamplerKind.of(sampler), ProgressListener.QUIET).pull());
        }
        assertUnitPulls(name, pulls);
    }

    /**
     * sparse2, over the runs that find both modes: the pulls of log Z and of the heavy mode's weight (the mode whose
     * mean lies within 0.1 of the heavy centre). The region sampler finds both modes less often (its new points land in
     * proportion to volume), and the runs that keep the heavy mode are those where it held more points, which reads
     * its weight high (mean pull about +0.4 at nlive 500, where a third of the runs lose it); so it runs at the
     * paper's nlive, where nine in ten keep it. Its errors leave out the urn variance of seeded births.
     */
    @ParameterizedTest(name = "sparse2 nlive {0} {1}")
    @CsvSource({"200, slice", "1000, region"})
    void sparseModeErrorsHold(int nlive, String sampler) {
        ValidationProblem vp = ValidationProblems.sparse2();
        List<Double> zPulls = new ArrayList<>();
        List<Double> wPulls = new ArrayList<>();
        for (long seed = 100; seed < 100 + SEEDS; seed++) {
            SamplerSettings settings = SamplerSettings.defaults(4, seed).withNlive(nlive)
                    .withSampler(SamplerKind.of(sampler));
            SamplerResult r = NestedSampler.run(vp.problem(), settings, ProgressListener.QUIET);
            int heavy = modeNear(r, 0.8, 0.2);
            int broad = modeNear(r, 0.45, 0.45);
            if (heavy < 0 || broad < 0 || heavy == broad) {
                continue;
            }
            ValidationRow row = ValidationSuite.row(vp, r);
            zPulls.add(row.pull());
            wPulls.add((r.modeWeight(heavy) - vp.modeWeights().get(0)) / r.clusters().get(heavy).weightErr());
        }
        assertTrue(zPulls.size() >= SEEDS / 2, "runs that find both modes: " + zPulls.size());
        assertUnitPulls("sparse2 log Z", zPulls);
        assertUnitPulls("sparse2 heavy weight", wPulls);
    }

    /** The mode whose posterior mean lies within 0.1 of (a, b, a, b), or -1. */
    private static int modeNear(SamplerResult r, double a, double b) {
        for (int k = 0; k < r.clusters().size(); k++) {
            double[] m = r.modePoints(k).mean();
            double d2 = Math.pow(m[0] - a, 2) + Math.pow(m[1] - b, 2) + Math.pow(m[2] - a, 2) + Math.pow(m[3] - b, 2);
            if (d2 < 0.01) {
                return k;
            }
        }
        return -1;
    }

    private static void assertUnitPulls(String name, List<Double> pulls) {
        double mean = pulls.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(pulls.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum() / pulls.size());
        assertTrue(withinBands(mean, 1), name + ": mean pull " + mean + " of " + pulls);
        assertTrue(withinBands(0, sd), name + ": sd of pulls " + sd + " of " + pulls);
    }

    /** The calibration bands: a mean pull within [-0.6, 0.6] and a standard deviation of pulls in [0.6, 1.6]. */
    static boolean withinBands(double mean, double sd) {
        return mean >= -0.6 && mean <= 0.6 && sd >= 0.6 && sd <= 1.6;
    }
}
