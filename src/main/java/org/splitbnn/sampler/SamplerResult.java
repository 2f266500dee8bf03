package org.splitbnn.sampler;

import java.util.List;

/**
 * What a nested-sampling run found.
 *
 * <p>Evidence normalisation: prior draws outside the support (log-likelihood at or below {@link Problem#LOG_ZERO})
 * are rejected, so {@code logZ} is relative to the allowed region of the prior, as PolyChord reports it; the evidence
 * relative to the whole hypercube is {@code logZ + logPriorVolumeFraction}.
 *
 * @param parameterNames            parameter names
 * @param settings                  the settings of the run
 * @param logZ                      log-evidence, relative to the allowed region
 * @param logZErr                   its standard deviation
 * @param logPriorVolumeFraction    log F: log of the allowed fraction of the hypercube, from the prior draws
 * @param logPriorVolumeFractionErr its binomial standard deviation
 * @param klDivergence              Kullback-Leibler divergence of the posterior from the (allowed) prior, nats
 * @param nLikelihood               likelihood calls that returned a value inside the support
 * @param nOutsideSupport           likelihood calls that returned logzero (prior draws included)
 * @param nPriorDraws               prior draws, accepted and rejected
 * @param nDead                     dead points
 * @param posterior                 every dead point, then the final live points, with global posterior weights
 * @param nClusters                 leaves of the cluster tree: the clusters the sampler kept apart while sampling (a
 *                                  peak whose live points thin out unevenly can end as several leaves)
 * @param clusters                  the modes, largest local evidence first: the leaves grouped so that leaves joined
 *                                  without a likelihood valley are one mode, with their summed local evidence
 * @param modePosteriors            for each mode, in the order of {@code clusters}, its weighted points
 * @param wallSeconds               wall time of the run
 */
public record SamplerResult(List<String> parameterNames, SamplerSettings settings, double logZ, double logZErr,
                            double logPriorVolumeFraction, double logPriorVolumeFractionErr, double klDivergence,
                            long nLikelihood, long nOutsideSupport, long nPriorDraws, long nDead,
                            WeightedPoints posterior, int nClusters, List<ClusterSummary> clusters,
                            List<ModePosterior> modePosteriors, double wallSeconds) {

    /**
     * The weighted points of one mode: rows of {@link SamplerResult#posterior()} with weights normalised within the
     * mode. Points that died in an ancestor cluster before the split belong to each child at the share of the
     * volume the child received.
     *
     * @param rows      rows of the run's posterior
     * @param logWeight normalised log weights, one per row
     */
    public record ModePosterior(int[] rows, double[] logWeight) {
    }

    /** The weighted points of mode {@code k} (index into {@link #clusters()}). */
    public WeightedPoints modePoints(int k) {
        ModePosterior m = modePosteriors.get(k);
        int d = posterior.dimension();
        int n = m.rows().length;
        double[] theta = new double[n * d];
        double[] logL = new double[n];
        double[] birth = new double[n];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            int r = m.rows()[i];
            System.arraycopy(posterior.theta(), r * d, theta, i * d, d);
            logL[i] = posterior.logL()[r];
            birth[i] = posterior.logLBirth()[r];
            cluster[i] = posterior.cluster()[r];
        }
        return new WeightedPoints(d, theta, logL, birth, cluster, m.logWeight().clone());
    }

    /**
     * Weight of mode {@code k}: its local evidence over the sum of the local evidences; its standard deviation is
     * {@link ClusterSummary#weightErr()}.
     */
    public double modeWeight(int k) {
        double[] logZs = new double[clusters.size()];
        for (int i = 0; i < logZs.length; i++) {
            logZs[i] = clusters.get(i).logZ();
        }
        return Math.exp(clusters.get(k).logZ() - LogMath.logSumExp(logZs, logZs.length));
    }

    /** The paper's prominence: a mode is prominent when its local evidence exceeds this fraction of the largest. */
    public static final double DEFAULT_PROMINENCE = 1e-3;

    /** Modes whose local evidence exceeds {@code threshold} times the largest (the paper's "prominent" modes). */
    public int prominentModes(double threshold) {
        if (clusters.isEmpty()) {
            return 0;
        }
        double logMax = clusters.get(0).logZ();
        int count = 0;
        for (ClusterSummary c : clusters) {
            if (c.logZ() > logMax + Math.log(threshold)) {
                count++;
            }
        }
        return count;
    }
}
