package org.splitbnn.analysis.claims;

import java.util.Locale;

/**
 * Whether a claim's verdict in a condition run at two or more sampler settings stays put as the settings grow:
 * judged at the two most expensive settings ({@link Condition.Sampling#COST}).
 */
public enum Convergence {
    /**
     * The two verdicts agree and the estimates differ by less than either interval's half-width (or not at all:
     * equal estimates with intervals of zero width have converged).
     */
    CONVERGED,
    /** The verdicts differ, the estimates differ by at least one interval's half-width, or an interval is unknown. */
    NOT_CONVERGED;

    /** The label in the table: {@code converged} or {@code not converged}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The convergence of a claim in one condition from its rows at the most expensive setting ({@code last}) and
     * the next most expensive ({@code previous}): {@link #CONVERGED} when both intervals are known, their verdicts
     * are the same and |estimate difference| is zero or less than the half-width (high - low) / 2 of each of their
     * intervals.
     */
    public static Convergence of(ClaimRow previous, ClaimRow last) {
        double difference = Math.abs(last.estimate() - previous.estimate());
        boolean known = !Double.isNaN(halfWidth(previous)) && !Double.isNaN(halfWidth(last));
        boolean close = known && (difference == 0 || difference < halfWidth(previous) && difference < halfWidth(last));
        return previous.verdict() == last.verdict() && close ? CONVERGED : NOT_CONVERGED;
    }

    /** Half the width of a row's interval; NaN when it is unknown. */
    private static double halfWidth(ClaimRow row) {
        return (row.high() - row.low()) / 2;
    }
}
