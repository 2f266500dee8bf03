package org.splitbnn.sampler;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The errors of a run's evidences from simulated prior volumes (as anesthetic does for one cluster, here over the
 * whole cluster tree): each simulation draws every death's compression t ~ Beta(n, 1), with n the live points of the
 * dying point's cluster, and every split's volume shares ~ Dirichlet(live points each child received), each share
 * scattered further by a log-normal factor of the relative variance its region gathered before the split (see
 * {@link UrnVariance}) and the shares renormalised, then integrates each cluster. The error of a log-evidence is
 * the standard deviation of log Z of the log-normal matching the simulated evidences' mean and mean
 * square (the convention of {@link EvidenceMoments}), the error of a mode weight the simulated weights' standard
 * deviation; they carry the uncertainty of a share fixed from a few live points, which the moments of one integration
 * leave out. A share that uncertain makes the evidence skewed: matching the moments of Z, rather than taking the
 * spread of log Z, keeps its long upper tail, which is where the truth lies when a mode's share came out low.
 */
final class VolumeSimulation {

    /**
     * Simulated runs per error: the error's own relative standard error is about 1 / sqrt(2 x 100) = 7%, and the
     * simulations cost about 1% of a run's time.
     */
    static final int SIMULATIONS = 100;

    /**
     * The recorded tree of a run.
     *
     * @param logL           log-likelihood of each dead point, in order of death
     * @param cluster        cluster each dead point died in
     * @param nLocal         live points of that cluster when it died (the dying one included)
     * @param nDead          dead points
     * @param parent         parent of each cluster (-1 for the root, cluster 0); children follow their parent
     * @param bornAtDead     dead points recorded when each cluster was created (0 for the root)
     * @param nAtBirth       live points each cluster received when it was created
     * @param urnVariance    relative variance of each cluster's share gathered before its split
     * @param logMeanLiveL   log of the mean likelihood of each cluster's final live points (-infinity when none)
     * @param modeOf         mode of each leaf cluster, -1 for a cluster that split
     * @param nModes         number of modes
     * @param logScale       a log-evidence near each cluster's own, so that its simulated evidence fits a double
     */
    record Tree(double[] logL, int[] cluster, int[] nLocal, int nDead, int[] parent, int[] bornAtDead,
                int[] nAtBirth, double[] urnVariance, double[] logMeanLiveL, int[] modeOf, int nModes, double[] logScale) {
    }

    /**
     * The simulated errors.
     *
     * @param logZErr     error of the global log-evidence (log-normal moment match)
     * @param modeLogZErr error of each mode's local log-evidence (log-normal moment match)
     * @param weightErr   standard deviation of each mode's weight (its evidence over the global one)
     */
    record Errors(double logZErr, double[] modeLogZErr, double[] weightErr) {
    }

    private VolumeSimulation() {
    }

    /**
     * Simulates the volumes of a run {@link #SIMULATIONS} times.
     *
     * @param tree the run's recorded tree
     * @param rng  the stream the simulations draw from
     */
    static Errors simulate(Tree tree, UniformRandomProvider rng) {
        int k = tree.parent().length;
        int m = tree.nModes();
        ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] logX = new double[k];
        double[] z = new double[k];
        double[] logShare = new double[k];
        double[] logInherited = new double[k];
        double[] modeLogZ = new double[m];
        double[] scale = tree.logScale();
        // Sums of each simulated evidence and its square, each over a reference (the first simulation's value) that
        // keeps them in range.
        double[] sumZ = new double[2];
        double[] reference = new double[m + 1];
        double[][] modeSums = new double[m][4];
        // Each dead point's log-likelihood over its cluster's scale; each cluster's log volume since it was created.
        double[] scaledLogL = new double[tree.nDead()];
        for (int i = 0; i < tree.nDead(); i++) {
            scaledLogL[i] = tree.logL()[i] - scale[tree.cluster()[i]];
        }
        double[] logXSince = new double[k];
        double[] logZc = new double[k];
        for (int s = 0; s < SIMULATIONS; s++) {
            java.util.Arrays.fill(z, 0);
            java.util.Arrays.fill(logX, 0);
            java.util.Arrays.fill(logXSince, 0);
            int nextBorn = 1;
            for (int i = 0; i < tree.nDead(); i++) {
                while (nextBorn < k && tree.bornAtDead()[nextBorn] <= i) {
                    nextBorn = split(tree, nextBorn, logX, logXSince, logShare, rng, gaussian);
                }
                int c = tree.cluster()[i];
                double logT = -exponential.sample() / tree.nLocal()[i];
                z[c] -= Math.exp(scaledLogL[i] + logXSince[c]) * Math.expm1(logT);
                logXSince[c] += logT;
            }
            while (nextBorn < k) {
                nextBorn = split(tree, nextBorn, logX, logXSince, logShare, rng, gaussian);
            }
            for (int c = 0; c < k; c++) {
                logZc[c] = Math.log(z[c]) + logX[c] + scale[c];
                logX[c] += logXSince[c];
            }
            java.util.Arrays.fill(modeLogZ, Double.NEGATIVE_INFINITY);
            for (int c = 0; c < k; c++) {
                int p = tree.parent()[c];
                logInherited[c] = p < 0 ? Double.NEGATIVE_INFINITY
                        : logShare[c] + LogMath.logAddExp(logInherited[p], logZc[p]);
                if (tree.modeOf()[c] >= 0) {
                    double leaf = LogMath.logAddExp(LogMath.logAddExp(logInherited[c], logZc[c]),
                            logX[c] + tree.logMeanLiveL()[c]);
                    modeLogZ[tree.modeOf()[c]] = LogMath.logAddExp(modeLogZ[tree.modeOf()[c]], leaf);
                }
            }
            double logTotal = LogMath.logSumExp(modeLogZ, m);
            if (s == 0) {
                reference[m] = logTotal;
                System.arraycopy(modeLogZ, 0, reference, 0, m);
            }
            double total = Math.exp(logTotal - reference[m]);
            sumZ[0] += total;
            sumZ[1] += total * total;
            for (int j = 0; j < m; j++) {
                double zj = Math.exp(modeLogZ[j] - reference[j]);
                double w = Math.exp(modeLogZ[j] - logTotal);
                modeSums[j][0] += zj;
                modeSums[j][1] += zj * zj;
                modeSums[j][2] += w;
                modeSums[j][3] += w * w;
            }
        }
        double[] modeLogZErr = new double[m];
        double[] weightErr = new double[m];
        for (int j = 0; j < m; j++) {
            modeLogZErr[j] = logNormalSd(modeSums[j][0], modeSums[j][1]);
            weightErr[j] = sd(modeSums[j][2], modeSums[j][3]);
        }
        return new Errors(logNormalSd(sumZ[0], sumZ[1]), modeLogZErr, weightErr);
    }

    /**
     * Draws the Dirichlet shares of the children created together from one parent, starting at cluster
     * {@code first}; returns the first cluster after them.
     */
    private static int split(Tree tree, int first, double[] logX, double[] logXSince, double[] logShare,
                             UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian) {
        int p = tree.parent()[first];
        int end = first;
        double sum = 0;
        while (end < tree.parent().length && tree.parent()[end] == p && tree.bornAtDead()[end] == tree.bornAtDead()[first]) {
            double sigma2 = Math.log1p(tree.urnVariance()[end]);
            double g = AhrensDieterMarsagliaTsangGammaSampler.of(rng, tree.nAtBirth()[end], 1).sample()
                    * Math.exp(Math.sqrt(sigma2) * gaussian.sample() - 0.5 * sigma2);
            logShare[end] = g;
            sum += g;
            end++;
        }
        double parentLogX = logX[p] + logXSince[p];
        for (int c = first; c < end; c++) {
            logShare[c] = Math.log(logShare[c] / sum);
            logX[c] = parentLogX + logShare[c];
            logXSince[c] = 0;
        }
        return end;
    }

    /**
     * The standard deviation of log Z of the log-normal with the simulated evidences' first two moments (given as the
     * sum and the sum of squares of {@link #SIMULATIONS} values), as {@link EvidenceMoments} reports it.
     */
    private static double logNormalSd(double sum, double sum2) {
        return EvidenceMoments.logNormalSd(Math.log(sum / SIMULATIONS), Math.log(sum2 / SIMULATIONS));
    }

    /** Sample standard deviation from a sum and a sum of squares over {@link #SIMULATIONS} values. */
    private static double sd(double sum, double sum2) {
        double mean = sum / SIMULATIONS;
        return Math.sqrt(Math.max(0, (sum2 - SIMULATIONS * mean * mean) / (SIMULATIONS - 1)));
    }
}
