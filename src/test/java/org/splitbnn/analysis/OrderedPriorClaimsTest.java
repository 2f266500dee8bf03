package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.claims.Claim;
import org.splitbnn.analysis.claims.ClaimRow;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.splitbnn.analysis.claims.ClaimsTable;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.analysis.claims.Verdict;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;
import org.splitbnn.model.FullPrior;
import org.splitbnn.model.OrderedTransformPrior;
import org.splitbnn.sampler.ProgressListener;

/**
 * The paper's C1 and C2 with the ordered prior at N = 2, 3 and 4 hidden units: on one small dataset (blobs, 40 rows,
 * 2 inputs, noise variance 0.5, seed 7) the full and the ordered-transform prior (the ordered prior as a transform:
 * at N = 4 the rejection region is 1/384 of the box) at nlive {@value #NLIVE} over sampler seeds 1 to
 * {@value #SEEDS}, each seed a unit of the claims table's bootstrap. The known count: a function's 2^N N! images
 * compute it, so the number of prominent functions is the same under both priors, in every pair of runs. C2 says each
 * function is one mode under the symmetry-breaking prior: its statistic's expected value is 0, and at N = 2 the
 * interval reaches it; at N = 3 and 4 the ordered prior keeps two to five prominent modes of the one function
 * (redundant hidden units), and C2 is refuted. C1 holds at N = 2 and 3; at N = 4 the full prior at this nlive
 * resolves only one to three of the 384 images of the function, fewer than the ordered prior's modes, and C1 is
 * refuted. docs/claims.md records the numbers.
 */
@Tag("statistical")
class OrderedPriorClaimsTest {

    private static final int SEEDS = 5;
    private static final int NLIVE = 100;
    private static final Dataset TRAIN = ToyGenerator.generate(new ToyRecipe(ToyRecipe.BLOBS, 40, 2, 0.5), 7,
            "blobs-7-n40-d2-v0.5");

    @Test
    void symmetryBrokenModesAgainstFullFunctions() {
        Map<Integer, Map<Claim, Verdict>> expected = Map.of(
                2, Map.of(Claim.C1, Verdict.SUPPORTED, Claim.C2, Verdict.INCONCLUSIVE),
                3, Map.of(Claim.C1, Verdict.SUPPORTED, Claim.C2, Verdict.REFUTED),
                4, Map.of(Claim.C1, Verdict.REFUTED, Claim.C2, Verdict.REFUTED));
        for (int hidden = 2; hidden <= 4; hidden++) {
            List<StudyRun> runs = new ArrayList<>();
            for (long seed = 1; seed <= SEEDS; seed++) {
                int[] functions = new int[2];
                for (int p = 0; p < 2; p++) {
                    String prior = p == 0 ? FullPrior.NAME : OrderedTransformPrior.NAME;
                    ExperimentResult r = Experiment.run(RunSettings.of(Map.of("prior", prior, "hidden", hidden,
                            "nlive", NLIVE, "sampler_seed", seed, "baseline_starts", 0, "posterior_samples", 100),
                            TRAIN.inputs()).experiment(TRAIN, List.of()), ProgressListener.QUIET);
                    functions[p] = r.distinctFunctions();
                    runs.add(new StudyRun(new Condition(prior, "blobs-d2", null, TRAIN.size(), 0.5, hidden, 5.0,
                            new Condition.Sampling(NLIVE, 5, "slice")), "seed-" + seed, TRAIN.size(), seed,
                            r.sampler().logZ(), r.prominentModes(), r.distinctFunctions(), List.of(), Map.of(),
                            List.of()));
                }
                assertEquals(functions[0], functions[1], "N = " + hidden + ", seed " + seed
                        + ": prominent functions under the full and the ordered prior");
            }
            for (ClaimRow row : ClaimsTable.of(runs, ClaimSettings.defaults())) {
                assertEquals(OrderedTransformPrior.NAME, row.condition().prior());
                assertEquals(expected.get(hidden).get(row.claim()), row.verdict(), "N = " + hidden + ": " + row);
                if (row.claim() == Claim.C2 && hidden == 2) {
                    assertEquals(0, row.low(), 0, "the interval reaches the expected value 0: " + row);
                }
                if (row.claim() == Claim.C2 && hidden > 2) {
                    assertTrue(row.low() >= 1, "at least one extra mode of the function on average: " + row);
                }
            }
        }
    }
}
