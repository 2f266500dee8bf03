package org.splitbnn.analysis.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The claims table: every claim tested in every condition the runs allow, with its estimate, its bootstrap interval
 * over training sets and its verdict. A pure function of the runs and the settings: the same runs, in any order,
 * give the same table.
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
                rows.add(new ClaimRow(claim, group.getKey(), ci.units(), ci.size() * claim.runsPerObservation(),
                        ci.estimate(), ci.low(), ci.high(),
                        Verdict.of(ci.low(), ci.high(), claim.threshold(), claim.above())));
            }
        }
        return rows;
    }
}
