package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * Every validation problem at small nlive with a fixed seed: log Z within 3 reported sigma of the truth, log F within
 * 3 sigma where the support is cut, and the mixture's mode weights within 3 sigma of 0.8 and 0.2.
 */
class ValidationProblemsTest {

    @ParameterizedTest(name = "{0} nlive {1}")
    @CsvSource({"gauss9, 100", "shells, 200", "eggbox, 200", "mixture2, 100", "mixture9, 100", "cut, 100"})
    void evidenceMatchesTheTruth(String name, int nlive) {
        ValidationProblem vp = ValidationProblems.byName(name);
        ValidationRow r = ValidationSuite.run(vp, nlive, 1L, SamplerKind.SLICE, ProgressListener.QUIET);
        assertTrue(Math.abs(r.logZ() - r.truth()) < 3 * r.logZErr(),
                () -> name + ": log Z " + r.logZ() + " +- " + r.logZErr() + " against " + r.truth());
        if (vp.truthLogF() != 0) {
            assertEquals(vp.truthLogF(), r.logF(), 3 * r.logFErr(), "log F");
        }
        if (!vp.modeWeights().isEmpty()) {
            assertEquals(vp.modeWeights().size(), r.nModes(), "modes found");
            for (int k = 0; k < vp.modeWeights().size(); k++) {
                assertEquals(vp.modeWeights().get(k), r.modeWeights().get(k), 3 * r.modeWeightErrs().get(k),
                        "weight of mode " + (k + 1));
            }
        }
    }
}
