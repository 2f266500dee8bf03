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
 */
public record ClaimRow(Claim claim, Condition condition, int trainingSets, int runs, double estimate, double low,
                       double high, Verdict verdict) {
}
