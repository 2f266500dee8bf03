package org.splitbnn.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * What a finished run reports, from its final state: the global evidence (the dead points' integration plus the
 * live points' share), the posterior weights, the leaves' local evidences rescaled by one common factor so that they
 * sum to the global one, the leaves grouped into modes ({@link ModeMerging}), the errors simulated over the cluster
 * tree ({@link VolumeSimulation}), and each mode's weighted points. Leaves the state unchanged.
 */
final class ResultAssembly {

    /**
     * A finished run.
     *
     * @param problem             the problem (mode grouping evaluates it between the leaves)
     * @param settings            the run's settings
     * @param live                the final live points
     * @param dead                the dead points
     * @param tree                the cluster tree
     * @param global              the global evidence moments over the dead points
     * @param likelihoodCalls     likelihood calls so far inside the support
     * @param outsideSupportCalls likelihood calls so far outside it (rejected prior draws included)
     * @param priorDraws          prior draws, accepted and rejected
     * @param errorRng            the stream of the error simulation
     * @param wallSeconds         wall time of the run
     */
    record FinalState(Problem problem, SamplerSettings settings, LiveSet live, DeadPoints dead, ClusterTree tree,
                      EvidenceMoments global, long likelihoodCalls, long outsideSupportCalls, long priorDraws,
                      UniformRandomProvider errorRng, double wallSeconds) {
    }

    private ResultAssembly() {
    }

    /** The result of a finished run. */
    static SamplerResult assemble(FinalState s) {
        LiveSet live = s.live();
        DeadPoints dead = s.dead();
        int dim = live.dimension();
        int nDead = dead.size();
        int nLive = live.count();
        int total = nDead + nLive;
        double[] allTheta = Arrays.copyOf(dead.theta(), total * dim);
        System.arraycopy(live.theta(), 0, allTheta, nDead * dim, nLive * dim);
        double[] allLogL = Arrays.copyOf(dead.logL(), total);
        double[] allBirth = Arrays.copyOf(dead.birth(), total);
        int[] allCluster = Arrays.copyOf(dead.cluster(), total);
        for (int i = 0; i < nLive; i++) {
            allLogL[nDead + i] = live.logL(i);
            allBirth[nDead + i] = live.birth(i);
            allCluster[nDead + i] = live.clusterOf(i);
        }

        // Global weights: dead points' shares, then the remaining volume split evenly among the live points.
        double[] logW = new double[total];
        double logLiveShare = s.global().logVolume() - Math.log(nLive);
        for (int i = 0; i < total; i++) {
            logW[i] = allLogL[i] + (i < nDead ? dead.logShare()[i] : logLiveShare);
        }
        double logSum = LogMath.logSumExp(logW, total);
        double kl = 0;
        for (int i = 0; i < total; i++) {
            logW[i] -= logSum;
            double p = Math.exp(logW[i]);
            if (p > 0) {
                kl += p * (allLogL[i] - logSum);
            }
        }
        EvidenceMoments finalGlobal = s.global().withLiveContribution(live.logMeanL());

        // Leaves: local evidences rescaled to sum to the global one, then grouped into modes.
        List<ClusterTree.Cluster> leaves = s.tree().leaves();
        int nLeaves = leaves.size();
        double[] leafLogZ = new double[nLeaves];
        double[][] bestUnit = new double[nLeaves][];
        double[] bestLogL = new double[nLeaves];
        double[][] liveUnit = new double[nLeaves][];
        double[][] liveLogL = new double[nLeaves][];
        for (int l = 0; l < nLeaves; l++) {
            ClusterTree.Cluster c = leaves.get(l);
            leafLogZ[l] = finalLocal(c, live).logZ();
            int[] rows = live.members(c.id);
            bestUnit[l] = c.bestUnit.clone();
            bestLogL[l] = c.bestLogL;
            liveUnit[l] = new double[rows.length * dim];
            liveLogL[l] = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(live.unit(), rows[i] * dim, liveUnit[l], i * dim, dim);
                liveLogL[l][i] = live.logL(rows[i]);
                if (liveLogL[l][i] > bestLogL[l]) {
                    bestLogL[l] = liveLogL[l][i];
                    System.arraycopy(liveUnit[l], i * dim, bestUnit[l], 0, dim);
                }
            }
        }
        double rescale = finalGlobal.logZ() - LogMath.logSumExp(leafLogZ, nLeaves);
        ModeMerging.Grouping grouping = nLeaves > 1
                ? ModeMerging.group(s.problem(), bestUnit, bestLogL, liveUnit, liveLogL)
                : new ModeMerging.Grouping(new int[nLeaves], nLeaves, 0, 0);
        int nModes = grouping.nModes();

        int[] modeOfCluster = new int[s.tree().all().size()];
        Arrays.fill(modeOfCluster, -1);
        for (int l = 0; l < nLeaves; l++) {
            modeOfCluster[leaves.get(l).id] = grouping.modeOfLeaf()[l];
        }
        VolumeSimulation.Errors errors = VolumeSimulation.simulate(volumeTree(s, modeOfCluster, nModes),
                s.errorRng());

        int[] modeId = new int[nModes];
        Arrays.fill(modeId, Integer.MAX_VALUE);
        double[] modeLogZ = new double[nModes];
        Arrays.fill(modeLogZ, Double.NEGATIVE_INFINITY);
        List<List<Integer>> modeLeaves = new ArrayList<>();
        for (int m = 0; m < nModes; m++) {
            modeLeaves.add(new ArrayList<>());
        }
        boolean[] active = new boolean[nModes];
        int[] modeDead = new int[nModes];
        for (int l = 0; l < nLeaves; l++) {
            ClusterTree.Cluster c = leaves.get(l);
            int m = grouping.modeOfLeaf()[l];
            modeId[m] = Math.min(modeId[m], c.id);
            modeLogZ[m] = LogMath.logAddExp(modeLogZ[m], leafLogZ[l] + rescale);
            modeLeaves.get(m).add(c.id);
            active[m] |= c.nLive > 0;
            modeDead[m] += c.nDead;
        }
        List<ClusterSummary> summaries = new ArrayList<>();
        List<SamplerResult.ModePosterior> modes = new ArrayList<>();
        for (int m = 0; m < nModes; m++) {
            summaries.add(new ClusterSummary(modeId[m], List.copyOf(modeLeaves.get(m)), active[m], modeLogZ[m],
                    errors.modeLogZErr()[m], errors.weightErr()[m], modeDead[m]));
            modes.add(modePosterior(s, m, leaves, grouping.modeOfLeaf(), leafLogZ, allLogL, allCluster));
        }
        for (int i = 0; i < total; i++) {
            int m = modeOfCluster[allCluster[i]];
            if (m >= 0) {
                allCluster[i] = modeId[m];
            }
        }
        WeightedPoints posterior = new WeightedPoints(dim, allTheta, allLogL, allBirth, allCluster, logW);

        Integer[] order = new Integer[nModes];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -summaries.get(i).logZ()));
        List<ClusterSummary> sortedSummaries = new ArrayList<>();
        List<SamplerResult.ModePosterior> sortedModes = new ArrayList<>();
        for (int i : order) {
            sortedSummaries.add(summaries.get(i));
            sortedModes.add(modes.get(i));
        }
        int nprior = s.settings().nprior();
        long draws = s.priorDraws();
        double logF = Math.log(nprior / (double) draws);
        double logFErr = Math.sqrt(Math.max(0, (draws - nprior)) / ((double) nprior * draws));
        return new SamplerResult(s.problem().parameterNames(), s.settings(), finalGlobal.logZ(), errors.logZErr(),
                logF, logFErr, kl, s.likelihoodCalls() + grouping.nLikelihood(),
                s.outsideSupportCalls() + grouping.nOutsideSupport(), draws, nDead,
                posterior, nLeaves, List.copyOf(sortedSummaries), List.copyOf(sortedModes), s.wallSeconds());
    }

    /** The run's cluster tree as the volume simulation reads it, with the mode of each leaf. */
    private static VolumeSimulation.Tree volumeTree(FinalState s, int[] modeOfCluster, int nModes) {
        List<ClusterTree.Cluster> clusters = s.tree().all();
        int k = clusters.size();
        int[] parent = new int[k];
        int[] bornAtDead = new int[k];
        int[] nAtBirth = new int[k];
        double[] urnVariance = new double[k];
        double[] logMeanLive = new double[k];
        double[] logScale = new double[k];
        Arrays.fill(logMeanLive, Double.NEGATIVE_INFINITY);
        for (ClusterTree.Cluster c : clusters) {
            parent[c.id] = c.parent;
            bornAtDead[c.id] = c.bornAtDead;
            nAtBirth[c.id] = c.nAtBirth;
            urnVariance[c.id] = c.urnVariance;
            double scale = c.moments.logMeanZ();
            logScale[c.id] = Double.isFinite(scale) ? scale : 0;
            if (c.active()) {
                logMeanLive[c.id] = s.live().logMeanL(c.id, c.nLive);
            }
        }
        DeadPoints dead = s.dead();
        return new VolumeSimulation.Tree(dead.logL(), dead.cluster(), dead.nLocal(), dead.size(), parent, bornAtDead,
                nAtBirth, urnVariance, logMeanLive, modeOfCluster, nModes, logScale);
    }

    /** A cluster's local evidence moments with its final live points added. */
    private static EvidenceMoments finalLocal(ClusterTree.Cluster c, LiveSet live) {
        if (c.nLive == 0) {
            return c.moments;
        }
        return c.moments.withLiveContribution(live.logMeanL(c.id, c.nLive));
    }

    /**
     * The weighted points of mode m: the union of its leaves' points, each leaf's weighted by its share of the
     * mode's evidence (a point that died in an ancestor before the split counts once, with the summed weight).
     */
    private static SamplerResult.ModePosterior modePosterior(FinalState s, int m, List<ClusterTree.Cluster> leaves,
                                                            int[] modeOfLeaf, double[] leafLogZ, double[] allLogL,
                                                            int[] allCluster) {
        double[] logW = new double[allLogL.length];
        Arrays.fill(logW, Double.NEGATIVE_INFINITY);
        for (int l = 0; l < leaves.size(); l++) {
            if (modeOfLeaf[l] != m) {
                continue;
            }
            SamplerResult.ModePosterior leaf = leafPosterior(s, leaves.get(l), allLogL, allCluster);
            for (int i = 0; i < leaf.rows().length; i++) {
                int r = leaf.rows()[i];
                logW[r] = LogMath.logAddExp(logW[r], leafLogZ[l] + leaf.logWeight()[i]);
            }
        }
        int n = 0;
        int[] rows = new int[allLogL.length];
        for (int r = 0; r < allLogL.length; r++) {
            if (logW[r] > Double.NEGATIVE_INFINITY) {
                rows[n] = r;
                logW[n++] = logW[r];
            }
        }
        return normalised(rows, logW, n);
    }

    /**
     * The weighted points of a leaf cluster: its own dead and live points at their local weights, and the points that
     * died in each ancestor before the split at the share of volume handed down to this leaf.
     */
    private static SamplerResult.ModePosterior leafPosterior(FinalState s, ClusterTree.Cluster leaf,
                                                             double[] allLogL, int[] allCluster) {
        ClusterTree tree = s.tree();
        double[] logFractionOf = new double[tree.all().size()];
        Arrays.fill(logFractionOf, Double.NaN);
        double cumulative = 0;
        for (ClusterTree.Cluster c = leaf; c != null; c = c.parent >= 0 ? tree.get(c.parent) : null) {
            logFractionOf[c.id] = cumulative;
            cumulative += c.logFractionOfParent;
        }
        double logLiveShare = leaf.nLive > 0 ? leaf.moments.logVolume() - Math.log(leaf.nLive) : 0;
        int nDead = s.dead().size();
        double[] logLocalShare = s.dead().logLocalShare();
        int[] rows = new int[allLogL.length];
        double[] logW = new double[allLogL.length];
        int n = 0;
        for (int i = 0; i < allLogL.length; i++) {
            double f = logFractionOf[allCluster[i]];
            if (Double.isNaN(f)) {
                continue;
            }
            double share = i < nDead ? logLocalShare[i] + f : logLiveShare;
            rows[n] = i;
            logW[n] = allLogL[i] + share;
            n++;
        }
        return normalised(rows, logW, n);
    }

    /** The first n rows with their log weights normalised to sum to one. */
    private static SamplerResult.ModePosterior normalised(int[] rows, double[] logW, int n) {
        double logSum = LogMath.logSumExp(logW, n);
        for (int i = 0; i < n; i++) {
            logW[i] -= logSum;
        }
        return new SamplerResult.ModePosterior(Arrays.copyOf(rows, n), Arrays.copyOf(logW, n));
    }
}
