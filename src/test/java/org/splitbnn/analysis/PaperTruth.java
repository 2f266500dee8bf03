package org.splitbnn.analysis;

import java.util.Map;

/**
 * Importance-sampling truths of the 2-2-1 network's log-evidence on {@code data/paper/train.csv} (prior half-width 5;
 * 1e6 draws from a Student-t mixture fitted to a full-prior run at nlive 1000, symmetrised over the hidden-unit
 * symmetries and mixed with the uniform box). The constrained prior's evidence is normalised to its region, as the
 * sampler reports it.
 */
final class PaperTruth {

    private static final Map<String, double[]> LOG_Z = Map.of(
            "full", new double[] {-86.803, 0.002},
            "constrained", new double[] {-86.131, 0.006});

    private PaperTruth() {
    }

    /** The truth's log Z for a prior name ({@code full} or {@code constrained}). */
    static double logZ(String prior) {
        return entry(prior)[0];
    }

    /** The truth's own standard error. */
    static double logZErr(String prior) {
        return entry(prior)[1];
    }

    private static double[] entry(String prior) {
        double[] e = LOG_Z.get(prior);
        if (e == null) {
            throw new IllegalArgumentException("no importance-sampling truth for prior " + prior);
        }
        return e;
    }
}
