package org.splitbnn.analysis.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.analysis.claims.ClusterBootstrap.Observation;
import org.splitbnn.model.FullPrior;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.LogMath;

/**
 * Each claim's observations, grouped by the condition its row reports: pure functions of the runs. Every
 * observation's unit is its training set's name.
 */
final class ClaimObservations {

    private ClaimObservations() {
    }

    /**
     * C1: per training set and seed run under both the full prior and a symmetry-breaking one, the full prior's
     * prominent modes minus the symmetry-breaking prior's; the row's prior is the symmetry-breaking one.
     */
    static Map<Condition, List<Observation>> fewerModesSymmetryBroken(List<StudyRun> runs) {
        return pairedWithFull(runs, (full, other) -> (double) (full.prominentModes() - other.prominentModes()));
    }

    /**
     * C2: per training set and seed run under both priors, |the full prior's distinct functions minus the
     * symmetry-breaking prior's prominent modes|; runs without a function count are left out.
     */
    static Map<Condition, List<Observation>> functionsEqualSymmetryBrokenModes(List<StudyRun> runs) {
        return pairedWithFull(runs, (full, other) -> full.distinctFunctions() == null ? null
                : (double) Math.abs(full.distinctFunctions() - other.prominentModes()));
    }

    /** C3, C4, C5: per run, the full solution's test predictive log-likelihood minus {@code solution}'s. */
    static Map<Condition, List<Observation>> fullMinus(List<StudyRun> runs, String solution) {
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            Double full = r.test(Solution.FULL);
            Double other = r.test(solution);
            if (full != null && other != null) {
                add(out, r.condition(), new Observation(r.train(), 0, 0, full - other));
            }
        }
        return out;
    }

    /**
     * C6: per run with a prominent mode that computes another function than mode 1, 1 when some such mode has a
     * higher test predictive log-likelihood than mode 1, else 0. Modes that are symmetry images of mode 1's function
     * predict the same and are left out (their test values differ only by sampling noise). Without function ranks
     * every prominent mode counts as its own function.
     */
    static Map<Condition, List<Observation>> lowerModeBeatsTop(List<StudyRun> runs) {
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            Double top = r.test(Solution.modeName(1));
            if (r.prominentModes() < 2 || top == null) {
                continue;
            }
            boolean functions = r.modeFunctions().size() == r.prominentModes();
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 2; k <= r.prominentModes(); k++) {
                Double v = r.test(Solution.modeName(k));
                boolean other = !functions || !r.modeFunctions().get(k - 1).equals(r.modeFunctions().get(0));
                if (v != null && other) {
                    best = Math.max(best, v);
                }
            }
            if (best > Double.NEGATIVE_INFINITY) {
                add(out, r.condition(), new Observation(r.train(), 0, 0, best > top ? 1 : 0));
            }
        }
        return out;
    }

    /**
     * C7: per run, (x = log2 of the training size, y = full minus map test predictive log-likelihood), in
     * conditions with the training set's counts left open and at least two training sizes; the size is the
     * bootstrap's stratum.
     */
    static Map<Condition, List<Observation>> advantageAgainstSize(List<StudyRun> runs) {
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            Double full = r.test(Solution.FULL);
            Double map = r.test(Baselines.MAP);
            if (full != null && map != null) {
                add(out, r.condition().withoutSize(), new Observation(r.train(), r.trainSize(),
                        Math.log(r.trainSize()) / Math.log(2), full - map));
            }
        }
        out.values().removeIf(obs -> obs.stream().mapToDouble(Observation::stratum).distinct().count() < 2);
        return out;
    }

    /**
     * C8a, C8b: per run, (x = hidden units, y = {@code value}), in conditions with the hidden units left open and at
     * least two of them; runs whose value is null are left out.
     */
    static Map<Condition, List<Observation>> againstHidden(List<StudyRun> runs, Function<StudyRun, Double> value) {
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            Double v = value.apply(r);
            if (v != null) {
                add(out, r.condition().withoutHidden(), new Observation(r.train(), 0, r.condition().hidden(), v));
            }
        }
        out.values().removeIf(obs -> obs.stream().mapToDouble(Observation::x).distinct().count() < 2);
        return out;
    }

    /** A method's weight of the functions the baselines found, from their optima. */
    enum Method {
        /** The ensemble: a function's weight is the summed basin fraction of its optima. */
        ENSEMBLE,
        /** Laplace: a function's weight is the summed Laplace evidence of its optima (those with one). */
        LAPLACE
    }

    /**
     * C9a, C9b: per run with two or more functions that have both an evidence weight and the method's weight, the
     * mean over those functions of |log(w / e)|, where w is the method's weight of the function (summed over the
     * optima that match it) and e its nested-sampling weight, both renormalised to sum to 1 over those functions
     * (each method spreads some weight over functions the other did not find).
     */
    static Map<Condition, List<Observation>> weightRatios(List<StudyRun> runs, Method method) {
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            Map<Integer, List<StudyRun.MatchedOptimum>> byFunction = new TreeMap<>();
            r.matchedOptima().forEach(o -> byFunction.computeIfAbsent(o.function(), k -> new ArrayList<>()).add(o));
            List<double[]> logs = new ArrayList<>();
            for (List<StudyRun.MatchedOptimum> optima : byFunction.values()) {
                double[] own = optima.stream().mapToDouble(o -> method == Method.ENSEMBLE
                        ? Math.log(o.basinFraction()) : o.laplaceLogZ()).filter(Double::isFinite).toArray();
                double evidence = optima.get(0).evidenceWeight();
                if (own.length > 0 && evidence > 0) {
                    logs.add(new double[] {LogMath.logSumExp(own, own.length), Math.log(evidence)});
                }
            }
            if (logs.size() < 2) {
                continue;
            }
            double[] w = logs.stream().mapToDouble(l -> l[0]).toArray();
            double[] e = logs.stream().mapToDouble(l -> l[1]).toArray();
            double normW = LogMath.logSumExp(w, w.length);
            double normE = LogMath.logSumExp(e, e.length);
            double total = 0;
            for (int i = 0; i < w.length; i++) {
                total += Math.abs((w[i] - normW) - (e[i] - normE));
            }
            add(out, r.condition(), new Observation(r.train(), 0, 0, total / w.length));
        }
        return out;
    }

    /**
     * C10: per training set and seed with three or more runs that differ only in hidden units and prior half-width
     * (and have a full solution's test value), the Spearman rank correlation (ties take their mean rank) of log Z
     * and the full solution's test value over those runs, with x the number of those runs (a mean does not use
     * x); a group whose log Z or test values are all tied is left out.
     */
    static Map<Condition, List<Observation>> evidenceRanksTest(List<StudyRun> runs) {
        Map<List<Object>, List<StudyRun>> groups = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            if (r.test(Solution.FULL) != null && Double.isFinite(r.logZ())) {
                groups.computeIfAbsent(List.of(r.condition().withoutHiddenAndWidth(), r.train(), r.samplerSeed()),
                        k -> new ArrayList<>()).add(r);
            }
        }
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (List<StudyRun> group : groups.values()) {
            if (group.size() < 3) {
                continue;
            }
            double rho = new SpearmansCorrelation().correlation(group.stream().mapToDouble(StudyRun::logZ).toArray(),
                    group.stream().mapToDouble(r -> r.test(Solution.FULL)).toArray());
            if (!Double.isNaN(rho)) {
                StudyRun first = group.get(0);
                add(out, first.condition().withoutHiddenAndWidth(), new Observation(first.train(), 0, group.size(),
                        rho));
            }
        }
        return out;
    }

    /**
     * Observations of the runs under a symmetry-breaking prior ({@link Prior#SYMMETRY_BREAKING}) paired with the
     * full-prior run of the same training set, seed and other factors.
     */
    private static Map<Condition, List<Observation>> pairedWithFull(
            List<StudyRun> runs, java.util.function.BiFunction<StudyRun, StudyRun, Double> value) {
        Map<List<Object>, StudyRun> full = new HashMap<>();
        for (StudyRun r : runs) {
            if (FullPrior.NAME.equals(r.condition().prior())) {
                full.put(pairKey(r), r);
            }
        }
        Map<Condition, List<Observation>> out = new LinkedHashMap<>();
        for (StudyRun r : runs) {
            if (!Prior.SYMMETRY_BREAKING.contains(r.condition().prior())) {
                continue;
            }
            StudyRun partner = full.get(pairKey(r));
            Double v = partner == null ? null : value.apply(partner, r);
            if (v != null) {
                add(out, r.condition(), new Observation(r.train(), 0, 0, v));
            }
        }
        return out;
    }

    private static List<Object> pairKey(StudyRun r) {
        return List.of(r.condition().withoutPrior(), r.train(), r.samplerSeed());
    }

    private static void add(Map<Condition, List<Observation>> out, Condition c, Observation o) {
        out.computeIfAbsent(c, k -> new ArrayList<>()).add(o);
    }
}
