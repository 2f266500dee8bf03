package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.ProgressListener;

/** The full uniform prior on the dev data at nlive 200, nprior 2000, seed 1: many modes, all symmetry images. */
@Tag("slow")
class ExperimentFullPriorTest {

    private static ExperimentResult result;

    @BeforeAll
    static void run() {
        result = Experiment.run(DevData.smallSpec("full", 1), ProgressListener.QUIET);
    }

    @Test
    void prominentModeCountWithinTheWidenedReferenceRange() {
        // PolyChordLite at nlive 200: 9 to 11 prominent modes over seeds 1-3, widened by 30%: [6, 15]. Its counts
        // include symmetry images carried by two clusters; this sampler's clustering does not duplicate them.
        int prominent = result.prominentModes();
        assertTrue(prominent >= 6 && prominent <= 15, "prominent modes " + prominent);
        assertEquals(result.sampler().prominentModes(1e-3), prominent);
    }

    @Test
    void everyProminentModeIsASolutionWithItsOwnRowsAndGrid() {
        List<Solution> solutions = result.solutions();
        assertEquals(1 + result.prominentModes(), solutions.size());
        // and the three baselines, map, ensemble and laplace, after them
        assertEquals(solutions.size() + 3, result.predictions().size());
        assertEquals((solutions.size() + 3) * 12, result.generalisation().size());
        for (int i = 1; i < solutions.size(); i++) {
            Solution s = solutions.get(i);
            assertEquals("mode " + i, s.name());
            assertTrue(Arrays.stream(s.modes()).allMatch(m -> m == s.mode()));
        }
        ModeReport previous = null;
        for (ModeReport m : result.modes()) {
            assertTrue(previous == null || previous.localLogZ() >= m.localLogZ(), "largest local evidence first");
            previous = m;
        }
    }

    @Test
    void everyProminentModeIsAnImageOfTheOneFunction() {
        // The constrained prior, which keeps about one image per function, finds one mode on the dev data
        // (PolyChordLite's reference and this sampler): the full prior's prominent modes are images of one network.
        assertEquals(1, result.distinctFunctions());
        FunctionReport function = result.functions().get(0);
        assertEquals(result.prominentModes(), function.modes().size());
        double weights = 0;
        for (ModeReport m : result.modes()) {
            assertEquals(m.prominent() ? 1 : 0, m.function(), "mode " + m.mode());
            weights += m.prominent() ? m.weight() : 0;
        }
        assertEquals(weights, function.weight(), 1e-12);
    }

    @Test
    void fullPosteriorGeneralisesLikeTheConstrainedOne() {
        GeneralisationRow train = result.generalisation().get(0);
        assertEquals("full", train.solution());
        assertEquals(GeneralisationRow.TRAIN, train.dataset());
        assertEquals(-0.3430, train.mean(), 0.01);
    }
}
