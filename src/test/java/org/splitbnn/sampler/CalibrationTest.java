package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * The reported error is an honest error: over 24 seeds on the 9-D Gaussian at small nlive, the pulls
 * (log Z - truth) / sigma have a standard deviation in [0.6, 1.6] and a mean in [-0.6, 0.6].
 */
class CalibrationTest {

    @Test
    void pullsAreUnbiasedWithUnitSpread() {
        ValidationProblem vp = ValidationProblems.gauss9();
        int seeds = 24;
        double sum = 0;
        double sum2 = 0;
        for (long seed = 100; seed < 100 + seeds; seed++) {
            ValidationRow r = ValidationSuite.run(vp, 50, seed, ProgressListener.QUIET);
            sum += r.pull();
            sum2 += r.pull() * r.pull();
        }
        double mean = sum / seeds;
        double sd = Math.sqrt(sum2 / seeds - mean * mean);
        assertTrue(mean >= -0.6 && mean <= 0.6, "mean pull " + mean);
        assertTrue(sd >= 0.6 && sd <= 1.6, "sd of pulls " + sd);
    }
}
