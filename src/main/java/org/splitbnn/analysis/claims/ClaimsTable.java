package org.splitbnn.analysis.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The claims table: every claim tested in every condition the runs allow, with its estimate, its bootstrap interval
 * over training sets, its verdict and, where the condition was run at two or more sampler settings, whether the verdict
 * has converged in them ({@link Convergence}). A pure function of the runs and the settings: the same runs, in any
 * order, give the same table.
 */
public final class ClaimsTable {

    private ClaimsTable() {
    }

    /**
     * The rows, by claim, then by condition ({@link Condition#ORDER}). Each row's bootstrap draws from its own
     * sub-stream: the generator seeded with {@code settings.seed()} is jumped once per row, in the table's order.
     */
    public static List<ClaimRow> of(List<StudyRun> runs, ClaimSettings settings) {
        JumpableUniformRandomProvider root =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(settings.seed());
        List<ClaimRow> rows = new ArrayList<>();
        for (Claim claim : Claim.values()) {
            Map<Condition, List<ClusterBootstrap.Observation>> groups = new TreeMap<>(Condition.ORDER);
            groups.putAll(claim.observations(runs));
            for (var group : groups.entrySet()) {
                ClusterBootstrap.Interval ci = ClusterBootstrap.of(group.getValue(), claim.estimator(),
                        settings.resamples(), settings.confidence(), root.jump());
                rows.add(new ClaimRow(claim, group.getKey(), ci.units(), claim.runs(group.getValue()),
                        ci.estimate(), ci.low(), ci.high(),
                        Verdict.of(ci.low(), ci.high(), claim.threshold(), claim.above()), null));
            }
        }
        return withConvergence(rows);
    }

    /**
     * The rows with their convergence: rows of one claim whose conditions differ only in the sampler's settings
     * form a group, judged by its two most expensive rows.
     */
    private static List<ClaimRow> withConvergence(List<ClaimRow> rows) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ClaimRow r = rows.get(i);
            groups.computeIfAbsent(List.of(r.claim(), r.condition().withoutSampling()), k -> new ArrayList<>()).add(i);
        }
        List<ClaimRow> out = new ArrayList<>(rows);
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<ClaimRow> bySetting = group.stream().map(rows::get)
                    .sorted(Comparator.comparing(r -> r.condition().sampling(), Condition.Sampling.COST)).toList();
            Convergence c = Convergence.of(bySetting.get(bySetting.size() - 2), bySetting.get(bySetting.size() - 1));
            group.forEach(i -> out.set(i, rows.get(i).withConvergence(c)));
        }
        return out;
    }
}
