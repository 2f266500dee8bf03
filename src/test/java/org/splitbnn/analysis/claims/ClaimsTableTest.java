package org.splitbnn.analysis.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;

/**
 * Small studies whose claims have known answers. With a difference of 1, 2 and 3 on three training sets, the
 * resampled means run from 1 (all three draws the first set, probability 1/27 = 3.7%, above the 2.5% tail) to 3:
 * the 95% interval is exactly [1, 3]. Where every training set has the same value the interval is that value.
 */
class ClaimsTableTest {

    private static final List<Integer> PAPER = List.of(30, 100, 10, 80);

    private static final ClaimSettings SETTINGS = ClaimSettings.defaults();

    private static final Condition.Sampling SAMPLING = new Condition.Sampling(200, 5, "slice");

    @Test
    void everyClaimHasItsKnownAnswer() {
        List<ClaimRow> rows = ClaimsTable.of(study(), SETTINGS);
        Map<String, List<ClaimRow>> byClaim = new HashMap<>();
        rows.forEach(r -> byClaim.computeIfAbsent(r.claim().id(), k -> new ArrayList<>()).add(r));

        // C1: full has 1, 2, 3 more prominent modes than constrained on sets 1, 2, 3 (both seeds)
        ClaimRow c1 = only(byClaim, "C1");
        assertEquals("constrained", c1.condition().prior());
        assertRow(c1, 2, 1, 3, Verdict.SUPPORTED);
        assertEquals(3, c1.trainingSets());
        assertEquals(12, c1.runs());
        // C2: the full prior's functions equal the constrained prior's modes everywhere
        assertRow(only(byClaim, "C2"), 0, 0, 0, Verdict.SUPPORTED);
        // C3: full is 0.1 below the MAP in every run of the full prior; 0.01, 0.02, 0.03 above under constrained
        assertRow(at(byClaim, "C3", "constrained"), 0.02, 0.01, 0.03, Verdict.SUPPORTED);
        assertRow(at(byClaim, "C3", "full"), -0.1, -0.1, -0.1, Verdict.REFUTED);
        assertEquals(2 + 3, byClaim.get("C3").size(), "paper block under both priors, sizes block at three sizes");
        assertEquals(3, byClaim.get("C3").stream().filter(r -> r.condition().noiseVariance() == 1.0).count());
        // C4: +1 and -1 and 0 on the three sets: the interval [-1, 1] straddles 0
        assertRow(at(byClaim, "C4", "full"), 0, -1, 1, Verdict.INCONCLUSIVE);
        // C5: full beats mode 1 by 0.05 everywhere
        assertRow(at(byClaim, "C5", "full"), 0.05, 0.05, 0.05, Verdict.SUPPORTED);
        // C6: the full prior's runs have 2+ modes; mode 2, another function, wins on every run of sets 1 and 2 and
        // loses on set 3; mode 3 beats mode 1 everywhere but computes mode 1's function, so it does not count
        ClaimRow c6 = at(byClaim, "C6", "full");
        assertEquals(2.0 / 3, c6.estimate(), 1e-12);
        assertEquals(0, c6.low(), 1e-12);
        assertEquals(1, c6.high(), 1e-12);
        assertEquals(Verdict.INCONCLUSIVE, c6.verdict());
        assertEquals(6, c6.runs());
        // C7: the full prior's advantage over the MAP is 0.3 - 0.05 log2(N): slope -0.05 exactly
        List<ClaimRow> c7 = byClaim.get("C7");
        assertEquals(1, c7.size());
        assertNull(c7.get(0).condition().counts());
        assertRow(c7.get(0), -0.05, -0.05, -0.05, Verdict.SUPPORTED);
        assertEquals(9, c7.get(0).trainingSets());
        // C8: the width block has 2h prominent modes and h - 1 functions: slopes 2 and 1
        ClaimRow c8a = only(byClaim, "C8a");
        assertNull(c8a.condition().hidden());
        assertRow(c8a, 2, 2, 2, Verdict.SUPPORTED);
        assertRow(only(byClaim, "C8b"), 1, 1, 1, Verdict.SUPPORTED);
        // C9: the ensemble's weights per function equal the evidence weights (refuted); Laplace's are 0.2 and 0.8
        // against 0.8 and 0.2: |log 4| for both functions
        assertRow(at(byClaim, "C9a", "full"), 0, 0, 0, Verdict.REFUTED);
        assertRow(at(byClaim, "C9b", "full"), Math.log(4), Math.log(4), Math.log(4), Verdict.SUPPORTED);
    }

    @Test
    void convergenceIsJudgedAtTheTwoMostExpensiveSettings() {
        // settings by cost (nlive x num_repeats per dimension): 100 x 2, 500 x 2, 300 x 5; per claim
        // the differences on training sets 1, 2, 3 at each setting, each interval exactly [min, max] (class Javadoc)
        Condition.Sampling cheap = new Condition.Sampling(100, 2, "slice");
        Condition.Sampling middle = new Condition.Sampling(500, 2, "slice");
        Condition.Sampling dear = new Condition.Sampling(300, 5, "slice");
        Map<Condition.Sampling, double[][]> differences = Map.of(
                // C3 (full minus map), C4 (full minus ensemble), C5 (full minus mode 1)
                cheap, new double[][] {{-1, -1, -1}, {0.01, 0.02, 0.03}, {0.01, 0.02, 0.03}},
                middle, new double[][] {{0.01, 0.02, 0.03}, {0.01, 0.02, 0.03}, {0.01, 0.02, 0.03}},
                dear, new double[][] {{0.012, 0.022, 0.032}, {0.05, 0.06, 0.07}, {-0.01, 0, 0.01}});
        List<StudyRun> runs = new ArrayList<>();
        differences.forEach((sampling, d) -> {
            for (int set = 0; set < 3; set++) {
                runs.add(new StudyRun(xor("full", PAPER, 0.5, 2, 5.0, sampling), "xor-" + (set + 1), 220,
                        1, -80, 1, 1, List.of(), Map.of(Solution.FULL, -0.4, Baselines.MAP, -0.4 - d[0][set],
                        Baselines.ENSEMBLE, -0.4 - d[1][set], Solution.modeName(1), -0.4 - d[2][set]), List.of()));
            }
        });
        Map<String, List<ClaimRow>> byClaim = groups(ClaimsTable.of(runs, SETTINGS));
        for (String id : List.of("C3", "C4", "C5")) {
            assertEquals(List.of(cheap, middle, dear), byClaim.get(id).stream().map(r -> r.condition().sampling())
                    .toList(), id + ": a row per setting, cheapest first");
        }
        // C3: refuted at the cheapest setting, but the two dearest agree (supported) and differ by 0.002 < 0.01
        assertRow(byClaim.get("C3").get(0), -1, -1, -1, Verdict.REFUTED);
        assertRow(byClaim.get("C3").get(2), 0.022, 0.012, 0.032, Verdict.SUPPORTED);
        assertTrue(byClaim.get("C3").stream().allMatch(r -> r.convergence() == Convergence.CONVERGED));
        // C4: supported at both, but the estimates differ by 0.04, more than the half-widths 0.01
        assertRow(byClaim.get("C4").get(2), 0.06, 0.05, 0.07, Verdict.SUPPORTED);
        assertTrue(byClaim.get("C4").stream().allMatch(r -> r.convergence() == Convergence.NOT_CONVERGED));
        // C5: supported at 500 x 2, inconclusive at 300 x 5
        assertRow(byClaim.get("C5").get(2), 0, -0.01, 0.01, Verdict.INCONCLUSIVE);
        assertTrue(byClaim.get("C5").stream().allMatch(r -> r.convergence() == Convergence.NOT_CONVERGED));
        assertEquals("not converged", Convergence.NOT_CONVERGED.label());
    }

    @Test
    void equalEstimatesHaveConvergedAndUnknownIntervalsHaveNot() {
        Condition c = xor("full", PAPER, 0.5, 2, 5.0, SAMPLING);
        ClaimRow zero = new ClaimRow(Claim.C2, c, 4, 8, 0, 0, 0, Verdict.SUPPORTED, null);
        assertEquals(Convergence.CONVERGED, Convergence.of(zero, zero), "0 [0, 0] twice: no difference at all");
        ClaimRow unknown = new ClaimRow(Claim.C2, c, 1, 2, 0, Double.NaN, Double.NaN, Verdict.INCONCLUSIVE, null);
        assertEquals(Convergence.NOT_CONVERGED, Convergence.of(unknown, unknown));
        ClaimRow wide = new ClaimRow(Claim.C6, c, 4, 4, 1.0 / 3, 0, 1, Verdict.INCONCLUSIVE, null);
        ClaimRow point = new ClaimRow(Claim.C6, c, 4, 4, 0, 0, 0, Verdict.REFUTED, null);
        assertEquals(Convergence.NOT_CONVERGED, Convergence.of(wide, point), "the issue's C6: 0.33 [0, 1], 0 [0, 0]");
    }

    @Test
    void evidenceRanksTheTestValueWithinEachTrainingSet() {
        // per training set, 6 runs (hidden 2, 3, 4 x half-widths 1, 5) with log Z -80 ... -75 in order; the test
        // value's ranks: 1..6 (rho 1), one adjacent pair swapped (rho 1 - 6 x 2 / 210), two pairs swapped
        // (1 - 6 x 4 / 210); the constrained prior's one run per set (hidden 2, a = 5) gives no correlation
        int[][] ranks = {{1, 2, 3, 4, 5, 6}, {2, 1, 3, 4, 5, 6}, {2, 1, 4, 3, 5, 6}};
        List<StudyRun> runs = new ArrayList<>();
        for (int set = 0; set < 3; set++) {
            int k = 0;
            for (int hidden = 2; hidden <= 4; hidden++) {
                for (double a : new double[] {1, 5}) {
                    runs.add(new StudyRun(xor("full", PAPER, 0.5, hidden, a, SAMPLING), "xor-" + set, 220,
                            1, -80 + k, 1, 1, List.of(), Map.of(Solution.FULL, -0.5 + 0.01 * ranks[set][k]),
                            List.of()));
                    k++;
                }
            }
            runs.add(run("constrained", PAPER, 2, "xor-" + set, 1, 1, 1, Map.of(Solution.FULL, -0.4)));
        }
        ClaimRow c10 = only(groups(ClaimsTable.of(runs, SETTINGS)), "C10");
        assertEquals(xor("full", PAPER, 0.5, null, null, SAMPLING), c10.condition());
        double rho1 = 1 - 6.0 * 2 / 210;
        double rho2 = 1 - 6.0 * 4 / 210;
        assertRow(c10, (1 + rho1 + rho2) / 3, rho2, 1, Verdict.SUPPORTED);
        assertEquals(18, c10.runs(), "a correlation over 6 runs per training set");
        assertEquals(3, c10.trainingSets());
    }

    @Test
    void identicalInputsGiveAnIdenticalTableWhateverTheOrder() {
        List<StudyRun> runs = noisyStudy();
        List<ClaimRow> first = ClaimsTable.of(runs, SETTINGS);
        List<StudyRun> shuffled = new ArrayList<>(runs);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(first, ClaimsTable.of(shuffled, SETTINGS));
        assertTrue(first.stream().anyMatch(r -> r.low() < r.estimate() && r.estimate() < r.high()));
        List<ClaimRow> otherSeed = ClaimsTable.of(runs, new ClaimSettings(2, 2000, 0.95));
        assertTrue(!first.equals(otherSeed), "another bootstrap seed draws other intervals");
    }

    @Test
    void oneTrainingSetIsInconclusive() {
        List<StudyRun> runs = List.of(run("full", PAPER, 2, "xor-1", 1, 3, 2, Map.of(Solution.FULL, -0.4,
                Baselines.MAP, -0.6)), run("full", PAPER, 2, "xor-1", 2, 3, 2, Map.of(Solution.FULL, -0.4,
                Baselines.MAP, -0.6)));
        ClaimRow c3 = only(groups(ClaimsTable.of(runs, SETTINGS)), "C3");
        assertEquals(0.2, c3.estimate(), 1e-12);
        assertTrue(Double.isNaN(c3.low()) && Double.isNaN(c3.high()));
        assertEquals(Verdict.INCONCLUSIVE, c3.verdict());
    }

    @Test
    void eachDatasetIsAConditionOfItsOwn() {
        // moons and circles at 100 rows (sets 1-3 each) and moons at 400 (sets 4-6), under full and ordered: full
        // has 1, 2, 3 more prominent modes than ordered on moons, 4 more everywhere on circles; the full prior's
        // functions equal the ordered prior's modes on moons and exceed them by 1 on circles; full minus MAP is
        // 0.1 on moons at 100 rows and 0.05 at 400 (slope -0.025 per doubling), 0.2 on circles (one size: no C7)
        List<StudyRun> runs = new ArrayList<>();
        for (String dataset : List.of("moons", "circles")) {
            for (int set = 1; set <= (dataset.equals("moons") ? 6 : 3); set++) {
                int size = set <= 3 ? 100 : 400;
                int ordered = 1 + set % 2;
                int extra = dataset.equals("moons") ? 1 + (set - 1) % 3 : 4;
                double advantage = dataset.equals("circles") ? 0.2 : size == 100 ? 0.1 : 0.05;
                String train = dataset + "-" + set + "-n" + size + "-v0.01";
                runs.add(new StudyRun(toy("full", dataset, size), train, size, 1, -50, ordered + extra,
                        ordered + (dataset.equals("moons") ? 0 : 1), List.of(),
                        Map.of(Solution.FULL, -0.3, Baselines.MAP, -0.3 - advantage), List.of()));
                runs.add(new StudyRun(toy("ordered", dataset, size), train, size, 1, -50, ordered, ordered,
                        List.of(), Map.of(), List.of()));
            }
        }
        Map<String, List<ClaimRow>> byClaim = groups(ClaimsTable.of(runs, SETTINGS));
        List<ClaimRow> c1 = byClaim.get("C1");
        assertEquals(List.of(toy("ordered", "circles", 100), toy("ordered", "moons", 100),
                toy("ordered", "moons", 400)), c1.stream().map(ClaimRow::condition).toList(), "by dataset, then size");
        assertRow(c1.get(0), 4, 4, 4, Verdict.SUPPORTED);
        assertRow(c1.get(1), 2, 1, 3, Verdict.SUPPORTED);
        assertRow(c1.get(2), 2, 1, 3, Verdict.SUPPORTED);
        List<ClaimRow> c2 = byClaim.get("C2");
        assertRow(c2.get(0), 1, 1, 1, Verdict.REFUTED);
        assertRow(c2.get(1), 0, 0, 0, Verdict.SUPPORTED);
        ClaimRow c7 = only(byClaim, "C7");
        assertEquals(new Condition("full", "moons", null, null, 0.01, 2, 5.0, SAMPLING), c7.condition());
        assertRow(c7, -0.025, -0.025, -0.025, Verdict.SUPPORTED);
        assertEquals(6, c7.trainingSets());
    }

    @Test
    void everySymmetryBreakingPriorIsSetAgainstTheFullPrior() {
        // per training set, full has 3 prominent modes and 3 functions; constrained-transform 3, ordered 1,
        // ordered-transform 2 modes: C1 2 for ordered, 1 for ordered-transform, 0 for constrained-transform
        List<StudyRun> runs = new ArrayList<>();
        Map<String, Integer> modes = Map.of("full", 3, "constrained-transform", 3, "ordered", 1,
                "ordered-transform", 2);
        for (int set = 1; set <= 3; set++) {
            for (var prior : modes.entrySet()) {
                runs.add(run(prior.getKey(), PAPER, 2, "xor-" + set, 1, prior.getValue(), 3, Map.of()));
            }
        }
        Map<String, List<ClaimRow>> byClaim = groups(ClaimsTable.of(runs, SETTINGS));
        assertEquals(List.of("constrained-transform", "ordered", "ordered-transform"),
                byClaim.get("C1").stream().map(r -> r.condition().prior()).toList());
        assertRow(byClaim.get("C1").get(0), 0, 0, 0, Verdict.REFUTED);
        assertRow(byClaim.get("C1").get(1), 2, 2, 2, Verdict.SUPPORTED);
        assertRow(byClaim.get("C1").get(2), 1, 1, 1, Verdict.SUPPORTED);
        assertRow(byClaim.get("C2").get(1), 2, 2, 2, Verdict.REFUTED);
        assertEquals(6, byClaim.get("C2").get(1).runs());
    }

    @Test
    void verdictRule() {
        assertEquals(Verdict.SUPPORTED, Verdict.of(0.1, 0.2, 0, true));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0, 0.2, 0, true));
        assertEquals(Verdict.REFUTED, Verdict.of(-0.2, 0, 0, true));
        assertEquals(Verdict.SUPPORTED, Verdict.of(-0.2, -0.1, 0, false));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(-0.2, 0.1, 0, false));
        assertEquals(Verdict.REFUTED, Verdict.of(0, 0.1, 0, false));
    }

    /**
     * Paper-recipe sets 1-3 under both priors (seeds 1, 2), the sizes block (sets 11-19 at three sizes, noise 1,
     * full prior), and the width block (sets 21-23 at hidden 2, 3, 4, noise 0.25, full prior).
     */
    private static List<StudyRun> study() {
        List<StudyRun> runs = new ArrayList<>();
        double[] fourth = {1, -1, 0};
        for (int set = 1; set <= 3; set++) {
            for (long seed = 1; seed <= 2; seed++) {
                String name = "xor-" + set;
                int constrainedModes = 1 + set % 2;
                Map<String, Double> full = new HashMap<>(Map.of(Solution.FULL, -0.40, Baselines.MAP, -0.30,
                        Baselines.ENSEMBLE, -0.40 - fourth[set - 1], Solution.modeName(1), -0.45,
                        Solution.modeName(2), set < 3 ? -0.35 : -0.50, Solution.modeName(3), -0.30));
                int modes = constrainedModes + set;
                runs.add(new StudyRun(xor("full", PAPER, 0.5, 2, 5.0, SAMPLING), name, 220, seed, -80, modes,
                        constrainedModes, List.of(1, 2, 1, 1, 1).subList(0, modes), full,
                        matchedOptima()));
                runs.add(run("constrained", PAPER, 2, name, seed, constrainedModes, null,
                        Map.of(Solution.FULL, -0.40, Baselines.MAP, -0.40 - 0.01 * set)));
            }
        }
        int set = 11;
        for (List<Integer> counts : List.of(List.of(15, 50, 5, 40), PAPER, List.of(60, 200, 20, 160))) {
            int size = counts.stream().mapToInt(Integer::intValue).sum();
            double advantage = 0.3 - 0.05 * Math.log(size) / Math.log(2);
            for (int k = 0; k < 3; k++, set++) {
                runs.add(new StudyRun(xor("full", counts, 1.0, 2, 5.0, SAMPLING), "xor-" + set, size, 1,
                        -80, 1, 1, List.of(), Map.of(Solution.FULL, -0.4, Baselines.MAP, -0.4 - advantage), List.of()));
            }
        }
        for (int s = 21; s <= 23; s++) {
            for (int hidden = 2; hidden <= 4; hidden++) {
                runs.add(new StudyRun(xor("full", PAPER, 0.25, hidden, 5.0, SAMPLING), "xor-" + s, 220,
                        1, -80, 2 * hidden, hidden - 1, List.of(), Map.of(), List.of()));
            }
        }
        return runs;
    }

    /** 8 training sets, 2 seeds, both priors, values from a seeded generator: intervals of non-zero width. */
    private static List<StudyRun> noisyStudy() {
        Random rng = new Random(11);
        List<StudyRun> runs = new ArrayList<>();
        for (int set = 1; set <= 8; set++) {
            for (long seed = 1; seed <= 2; seed++) {
                for (String prior : List.of("full", "constrained")) {
                    runs.add(run(prior, PAPER, 2, "xor-" + set, seed, 1 + rng.nextInt(5), 1 + rng.nextInt(3),
                            Map.of(Solution.FULL, -0.4 + 0.1 * rng.nextGaussian(),
                                    Baselines.MAP, -0.4 + 0.1 * rng.nextGaussian())));
                }
            }
        }
        return runs;
    }

    private static StudyRun run(String prior, List<Integer> counts, int hidden, String train, long seed, int modes,
                                Integer functions, Map<String, Double> tests) {
        return run(prior, counts, hidden, train, seed, modes, functions, tests, List.of());
    }

    private static StudyRun run(String prior, List<Integer> counts, int hidden, String train, long seed, int modes,
                                Integer functions, Map<String, Double> tests, List<StudyRun.MatchedOptimum> matched) {
        return new StudyRun(xor(prior, counts, 0.5, hidden, 5.0, SAMPLING), train,
                counts.stream().mapToInt(Integer::intValue).sum(), seed, -80, modes, functions, List.of(), tests,
                matched);
    }

    /**
     * Two functions with evidence weights 0.8 and 0.2; the ensemble's basin fractions 0.8 and 0.2 and Laplace's
     * evidences in the ratio 1 : 4, each split over two optima of the same function, as the baselines can report
     * them (only the sums per function and their ratios count).
     */
    private static List<StudyRun.MatchedOptimum> matchedOptima() {
        return List.of(new StudyRun.MatchedOptimum(1, 0.8, 0.5, Math.log(0.1) + 700),
                new StudyRun.MatchedOptimum(1, 0.8, 0.3, Math.log(0.1) + 700),
                new StudyRun.MatchedOptimum(2, 0.2, 0.1, Math.log(0.6) + 700),
                new StudyRun.MatchedOptimum(2, 0.2, 0.05, Math.log(0.2) + 700),
                new StudyRun.MatchedOptimum(2, 0.2, 0.05, Double.NaN));
    }

    private static Map<String, List<ClaimRow>> groups(List<ClaimRow> rows) {
        Map<String, List<ClaimRow>> byClaim = new HashMap<>();
        rows.forEach(r -> byClaim.computeIfAbsent(r.claim().id(), k -> new ArrayList<>()).add(r));
        return byClaim;
    }

    /** The row of claim {@code id} under {@code prior} with the paper's counts and 2 hidden units. */
    private static ClaimRow at(Map<String, List<ClaimRow>> byClaim, String id, String prior) {
        Condition paper = xor(prior, PAPER, 0.5, 2, 5.0, SAMPLING);
        List<ClaimRow> rows = byClaim.get(id).stream().filter(r -> r.condition().equals(paper)).toList();
        assertEquals(1, rows.size(), id + ": " + byClaim.get(id));
        return rows.get(0);
    }

    /** The condition of moons or circles training sets of {@code size} rows, noise 0.01, 2 hidden units. */
    private static Condition toy(String prior, String dataset, int size) {
        return new Condition(prior, dataset, null, size, 0.01, 2, 5.0, SAMPLING);
    }

    /** The condition of noisy-XOR training sets with {@code counts}. */
    private static Condition xor(String prior, List<Integer> counts, double noise, Integer hidden, Double halfWidth,
                                 Condition.Sampling sampling) {
        return new Condition(prior, "xor", counts, counts.stream().mapToInt(Integer::intValue).sum(), noise, hidden,
                halfWidth, sampling);
    }

    private static ClaimRow only(Map<String, List<ClaimRow>> byClaim, String id) {
        List<ClaimRow> rows = byClaim.get(id);
        assertEquals(1, rows.size(), id + ": " + rows);
        return rows.get(0);
    }

    private static void assertRow(ClaimRow row, double estimate, double low, double high, Verdict verdict) {
        assertEquals(estimate, row.estimate(), 1e-12, row.toString());
        assertEquals(low, row.low(), 1e-12, row.toString());
        assertEquals(high, row.high(), 1e-12, row.toString());
        assertEquals(verdict, row.verdict(), row.toString());
    }
}
