package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * The reported error is an honest error: over 24 seeds at small nlive, the pulls (log Z - truth) / sigma have a
 * standard deviation in [0.6, 1.6] and a mean in [-0.6, 0.6]. The eggbox, with some twenty clusters, is the case
 * where summing per-cluster integrations (PolyChordLite) reads several sigma high.
 */
class CalibrationTest {

    @ParameterizedTest(name = "{0} nlive {1} {2}")
    @CsvSource({"gauss9, 50, slice", "eggbox, 200, slice", "gauss9, 50, region", "eggbox, 200, region"})
    void pullsAreUnbiasedWithUnitSpread(String name, int nlive, String sampler) {
        ValidationProblem vp = ValidationProblems.byName(name);
        int seeds = 24;
        double sum = 0;
        double sum2 = 0;
        for (long seed = 100; seed < 100 + seeds; seed++) {
            ValidationRow r = ValidationSuite.run(vp, nlive, seed, SamplerKind.of(sampler), ProgressListener.QUIET);
            sum += r.pull();
            sum2 += r.pull() * r.pull();
        }
        double mean = sum / seeds;
        double sd = Math.sqrt(sum2 / seeds - mean * mean);
        assertTrue(mean >= -0.6 && mean <= 0.6, name + ": mean pull " + mean);
        assertTrue(sd >= 0.6 && sd <= 1.6, name + ": sd of pulls " + sd);
    }
}
