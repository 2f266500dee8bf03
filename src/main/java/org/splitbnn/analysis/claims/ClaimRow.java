package org.splitbnn.analysis.claims;

/**
 * One row of the claims table: a claim tested in one condition.
 *
 * @param claim        the claim
 * @param condition    the condition (the factor the claim compares across is null)
 * @param trainingSets training sets (the bootstrap's units)
 * @param runs         runs that entered the statistic (both runs of each pair for C1 and C2)
 * @param estimate     the statistic over every run
 * @param low          lower end of the interval (NaN with fewer than two training sets in a stratum)
 * @param high         upper end of the interval
 * @param verdict      what the interval says about the claim's threshold
 * @param convergence  whether the claim's verdict in the condition has converged in the sampler's settings; the
 *                     same on every row of the condition, null when it was run at one setting
 */
public record ClaimRow(Claim claim, Condition condition, int trainingSets, int runs, double estimate, double low,
                       double high, Verdict verdict, Convergence convergence) {

    /** The same row with {@code c} as its convergence. */
    ClaimRow withConvergence(Convergence c) {
        return new ClaimRow(claim, condition, trainingSets, runs, estimate, low, high, verdict, c);
    }
}
