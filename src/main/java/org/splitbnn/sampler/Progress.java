package org.splitbnn.sampler;

/**
 * A snapshot of a running sampler, taken at each compression update.
 *
 * @param nDead          dead points so far
 * @param nLikelihood    likelihood calls so far (inside the support)
 * @param logZ           current log-evidence estimate (dead and live points)
 * @param logZErr        its standard deviation
 * @param liveClusters   clusters with live points
 * @param elapsedSeconds wall time since the run started
 */
public record Progress(long nDead, long nLikelihood, double logZ, double logZErr, int liveClusters,
                       double elapsedSeconds) {

    /** One human-readable line. */
    public String line() {
        return String.format(java.util.Locale.ROOT,
                "ndead %8d  nlike %10d  log Z %10.3f +- %.3f  live clusters %3d  %7.1f s",
                nDead, nLikelihood, logZ, logZErr, liveClusters, elapsedSeconds);
    }
}
