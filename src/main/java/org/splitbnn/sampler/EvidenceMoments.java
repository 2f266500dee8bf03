package org.splitbnn.sampler;

/**
 * The first and second moments of the evidence Z and the prior volume X of one nested-sampling integration, in log
 * space, following the recursion of Handley, Hobson &amp; Lasenby (2015b, appendix): each death with n live points
 * shrinks X by t ~ Beta(n, 1) and adds L (1 - t) X to Z.
 *
 * <p>The estimate reported is the log-normal moment match: log Z = 2 log E[Z] - log E[Z^2] / 2 with variance
 * log E[Z^2] - 2 log E[Z].
 */
final class EvidenceMoments {

    private double logZ = Double.NEGATIVE_INFINITY;
    private double logZ2 = Double.NEGATIVE_INFINITY;
    private double logZX = Double.NEGATIVE_INFINITY;
    private double logX;
    private double logX2;

    /** Moments of a whole volume X = 1 with no evidence yet. */
    EvidenceMoments() {
        this(0.0);
    }

    private EvidenceMoments(double logX) {
        this.logX = logX;
        this.logX2 = 2 * logX;
    }

    /**
     * Records the death of a point of log-likelihood logL when n points were live (the dying one included).
     *
     * @return the log of the dead point's expected prior-volume share, log(E[X] / (n + 1))
     */
    double kill(double logL, int n) {
        double logN1 = Math.log(n + 1.0);
        double logN2 = Math.log(n + 2.0);
        double logN = Math.log(n);
        double logShare = logX - logN1;
        double newLogZ = LogMath.logAddExp(logZ, logL + logShare);
        double newLogZ2 = LogMath.logAddExp(logZ2,
                LogMath.logAddExp(Math.log(2) + logL + logZX - logN1,
                        Math.log(2) + 2 * logL + logX2 - logN1 - logN2));
        double newLogZX = LogMath.logAddExp(logN - logN1 + logZX, logN + logL + logX2 - logN1 - logN2);
        logX = logX + logN - logN1;
        logX2 = logX2 + logN - logN2;
        logZ = newLogZ;
        logZ2 = newLogZ2;
        logZX = newLogZX;
        return logShare;
    }

    /**
     * The moments of the evidence once the remaining volume is filled with the live points' mean likelihood.
     *
     * @param logMeanLive log of the mean likelihood of the live points
     */
    EvidenceMoments withLiveContribution(double logMeanLive) {
        EvidenceMoments m = copy();
        if (logMeanLive == Double.NEGATIVE_INFINITY) {
            return m;
        }
        m.logZ = LogMath.logAddExp(logZ, logX + logMeanLive);
        m.logZ2 = LogMath.logAddExp(logZ2,
                LogMath.logAddExp(Math.log(2) + logMeanLive + logZX, 2 * logMeanLive + logX2));
        return m;
    }

    /** The share of these moments that goes to a child region holding the given fraction of the volume. */
    EvidenceMoments share(double logFraction) {
        EvidenceMoments m = new EvidenceMoments(logX + logFraction);
        m.logX2 = logX2 + 2 * logFraction;
        m.logZ = logZ + logFraction;
        m.logZ2 = logZ2 + 2 * logFraction;
        m.logZX = logZX + 2 * logFraction;
        return m;
    }

    private EvidenceMoments copy() {
        EvidenceMoments m = new EvidenceMoments(logX);
        m.logX2 = logX2;
        m.logZ = logZ;
        m.logZ2 = logZ2;
        m.logZX = logZX;
        return m;
    }

    /** log E[X]: the expected remaining prior volume. */
    double logVolume() {
        return logX;
    }

    /** log E[Z]. */
    double logMeanZ() {
        return logZ;
    }

    /** The log-normal estimate of log Z. */
    double logZ() {
        if (logZ == Double.NEGATIVE_INFINITY) {
            return logZ;
        }
        return 2 * logZ - 0.5 * logZ2;
    }

    /** The standard deviation of log Z. */
    double logZError() {
        if (logZ == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return logNormalSd(logZ, logZ2);
    }

    /**
     * The standard deviation of log Z of the log-normal whose mean and mean square are e^logMean and e^logMeanSquare:
     * sqrt(log(E[Z^2] / E[Z]^2)), 0 where rounding makes that negative.
     */
    static double logNormalSd(double logMean, double logMeanSquare) {
        return Math.sqrt(Math.max(0, logMeanSquare - 2 * logMean));
    }
}
