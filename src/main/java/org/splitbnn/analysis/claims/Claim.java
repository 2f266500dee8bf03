package org.splitbnn.analysis.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.analysis.claims.ClusterBootstrap.Statistic;

/**
 * The paper's claims, each as a statistic over runs, a threshold, and the side of the threshold the claim says the
 * statistic lies on. The README's "Claims" section defines each one in words; {@link ClaimObservations} turns runs
 * into each claim's observations.
 */
public enum Claim {

    /** A symmetry-breaking prior has fewer prominent modes than the full prior. */
    C1("fewer prominent modes under the symmetry-breaking prior",
            "mean over (training set, seed) of prominent modes: full minus symmetry-breaking", 0, true,
            Statistic.MEAN, ClaimObservations::fewerModesSymmetryBroken),

    /** The full prior's distinct functions equal a symmetry-breaking prior's prominent modes. */
    C2("functions (full) equal modes (symmetry-breaking)",
            "mean over (training set, seed) of |distinct functions (full) - prominent modes (symmetry-breaking)|",
            0.5, false, Statistic.MEAN, ClaimObservations::functionsEqualSymmetryBrokenModes),

    /** The full solution generalises better than the MAP network. */
    C3("full beats the MAP",
            "mean test predictive log-likelihood per row: full minus map", 0, true, Statistic.MEAN,
            runs -> ClaimObservations.fullMinus(runs, Baselines.MAP)),

    /** The full solution generalises better than the equal-weight ensemble. */
    C4("full beats the ensemble",
            "mean test predictive log-likelihood per row: full minus ensemble", 0, true, Statistic.MEAN,
            runs -> ClaimObservations.fullMinus(runs, Baselines.ENSEMBLE)),

    /** The full solution generalises better than the highest-evidence mode. */
    C5("full beats mode 1",
            "mean test predictive log-likelihood per row: full minus mode 1", 0, true, Statistic.MEAN,
            runs -> ClaimObservations.fullMinus(runs, Solution.modeName(1))),

    /** In most runs where another function has a prominent mode, such a mode generalises better than mode 1. */
    C6("a mode of another function beats mode 1",
            "fraction of runs with a prominent mode of another function than mode 1 where such a mode beats mode 1",
            0.5, true, Statistic.MEAN, ClaimObservations::lowerModeBeatsTop),

    /** The full solution's advantage over the MAP shrinks as the training set grows. */
    C7("advantage over the MAP shrinks with size",
            "slope of (full minus map test predictive log-likelihood) per doubling of the training set", 0, false,
            Statistic.SLOPE, ClaimObservations::advantageAgainstSize),

    /** Wider networks have more prominent modes. */
    C8A("wider: more prominent modes",
            "slope of prominent modes per extra hidden unit", 0, true, Statistic.SLOPE,
            runs -> ClaimObservations.againstHidden(runs, r -> (double) r.prominentModes())),

    /** Wider networks have more distinct functions. */
    C8B("wider: more distinct functions",
            "slope of distinct functions per extra hidden unit", 0, true, Statistic.SLOPE,
            runs -> ClaimObservations.againstHidden(runs,
                    r -> r.distinctFunctions() == null ? null : r.distinctFunctions().doubleValue())),

    /** The ensemble's weights of the modes differ from the evidence weights. */
    C9A("ensemble weights differ from evidence",
            "mean over runs of the mean |log(ensemble weight / evidence weight)| over matched functions",
            Math.log(2), true, Statistic.MEAN, runs -> ClaimObservations.weightRatios(runs, ClaimObservations.Method.ENSEMBLE)),

    /** The Laplace weights of the modes differ from the evidence weights. */
    C9B("Laplace weights differ from evidence",
            "mean over runs of the mean |log(Laplace weight / evidence weight)| over matched functions", Math.log(2), true,
            Statistic.MEAN, runs -> ClaimObservations.weightRatios(runs, ClaimObservations.Method.LAPLACE)),

    /** The evidence predicts generalisation: across architectures, higher log Z goes with a better test value. */
    C10("the evidence predicts generalisation",
            "mean over (training set, seed) of the Spearman correlation of log Z and the full solution's test "
                    + "predictive log-likelihood across hidden units and prior half-widths", 0, true, Statistic.MEAN,
            ClaimObservations::evidenceRanksTest);

    private final String title;
    private final String statistic;
    private final double threshold;
    private final boolean above;
    private final Statistic estimator;
    private final Function<List<StudyRun>, Map<Condition, List<ClusterBootstrap.Observation>>> observations;

    Claim(String title, String statistic, double threshold, boolean above, Statistic estimator,
          Function<List<StudyRun>, Map<Condition, List<ClusterBootstrap.Observation>>> observations) {
        this.title = title;
        this.statistic = statistic;
        this.threshold = threshold;
        this.above = above;
        this.estimator = estimator;
        this.observations = observations;
    }

    /**
     * The claim's id in the table: {@code C1} ... {@code C7}, {@code C8a}, {@code C8b}, {@code C9a}, {@code C9b},
     * {@code C10}.
     */
    public String id() {
        return name().substring(0, 2) + name().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The claim in a few words. */
    public String title() {
        return title;
    }

    /** The claim whose {@link #id()} is {@code id}. */
    public static Claim byId(String id) {
        for (Claim c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no claim '" + id + "'");
    }

    /** What the statistic is, in a line. */
    public String statistic() {
        return statistic;
    }

    /** The threshold the claim compares the statistic with. */
    public double threshold() {
        return threshold;
    }

    /** Whether the claim says the statistic lies above the threshold (else below). */
    public boolean above() {
        return above;
    }

    /**
     * The runs behind the observations {@code obs}: 2 per observation for the claims that pair a full-prior run
     * with a symmetry-breaking one, for C10 the runs each correlation is over (its observation's x), else 1 per
     * observation.
     */
    public int runs(List<ClusterBootstrap.Observation> obs) {
        if (this == C10) {
            return (int) obs.stream().mapToDouble(ClusterBootstrap.Observation::x).sum();
        }
        return obs.size() * (this == C1 || this == C2 ? 2 : 1);
    }

    /** How the statistic is computed from the observations. */
    public Statistic estimator() {
        return estimator;
    }

    /** The claim's observations per condition; conditions without any are absent. */
    public Map<Condition, List<ClusterBootstrap.Observation>> observations(List<StudyRun> runs) {
        return observations.apply(runs);
    }
}
