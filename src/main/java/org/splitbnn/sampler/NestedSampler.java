package org.splitbnn.sampler;

import java.util.Arrays;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * PolyChord's nested sampling (Handley, Hobson &amp; Lasenby 2015), written from the papers: {@code nprior} prior
 * draws, the lowest dying first until {@code nlive} remain; then each dead point is replaced by a new point drawn from
 * a cluster chosen in proportion to the cluster's volume, by the settings' {@link NewPointSampler}: slice sampling
 * from a live point of the cluster (its members taken in turn) along directions whitened by its live points, or
 * rejection sampling from a region bounding them ({@link RegionSampler}). Live points are clustered by recursive
 * k-nearest-neighbour linking each time the volume shrinks by {@code compression_factor}; a new point joins the
 * cluster of its nearest live point.
 *
 * <p><b>Evidence bookkeeping.</b> The global evidence and its error come from the moments of a single integration
 * that uses the total number of live points at every death, which is unbiased however many clusters there are
 * (new points are drawn uniformly from the union of the clusters). The per-cluster volumes, which a split assigns in
 * proportion to the live points each child receives, are used only to choose where to sample and for the local
 * evidences: each cluster integrates its own dead points with its own live-point count, a child inherits the share
 * of its parent's evidence and volume given by that proportion, and the local evidences of the leaves are finally
 * rescaled by one common factor so that they sum to the global evidence. PolyChordLite instead sums the per-cluster
 * integrations into the global evidence, whose errors then add up with the number of clusters (it reads 2.4 to 5.6
 * sigma high on the eggbox).
 *
 * <p><b>Errors and modes.</b> The errors of the global and local evidences and of the mode weights come from
 * simulating the run's volumes over its recorded cluster tree ({@link VolumeSimulation}), so that they carry the
 * uncertainty of each split's shares, including the drift of the regions' counts before the split (the urn phase).
 * After the run the leaves of the tree are grouped into modes joined without a likelihood valley
 * ({@link ModeMerging}); the result reports the modes, and counts the leaves apart.
 *
 * <p><b>Parts.</b> This class is the loop: the prior stage, each death and its replacement, the periodic
 * reclustering and the stopping test. The live points are a {@link LiveSet}, the dead points {@link DeadPoints}, the
 * clusters a {@link ClusterTree}; a split's urn variance is {@link UrnVariance}, and {@link ResultAssembly} turns the
 * final state into the {@link SamplerResult}.
 *
 * <p>Deterministic: every random choice flows from the settings' seed, and a run uses one thread.
 */
public final class NestedSampler {

    private final Problem problem;
    private final SamplerSettings settings;
    private final ProgressListener progress;
    private final int dim;
    private final UniformRandomProvider rng;
    /** The stream of the error simulation: the seed's stream jumped ahead 2^128 draws, apart from the sampling's. */
    private final UniformRandomProvider errorRng;
    private final NewPointSampler newPoints;
    private final LiveSet live;
    private final DeadPoints dead;
    private final ClusterTree tree;
    private final LivePoints liveView;
    private final EvidenceMoments global = new EvidenceMoments();
    private long nPriorDraws;
    private long nPriorRejected;
    /** Likelihood calls along segments (urn phases of splits): inside, outside the support. */
    private final long[] segmentCalls = new long[2];

    private NestedSampler(Problem problem, SamplerSettings settings, ProgressListener progress) {
        settings.checkFor(problem.dimension());
        this.problem = problem;
        this.settings = settings;
        this.progress = progress;
        this.dim = problem.dimension();
        JumpableUniformRandomProvider seeded =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(settings.seed());
        this.rng = seeded.jump();
        this.errorRng = seeded;
        this.newPoints = NewPointSampler.of(settings, problem, rng);
        this.live = new LiveSet(settings.nprior(), dim);
        this.dead = new DeadPoints(dim,
                Math.max(16, SamplerSettings.DEAD_CAPACITY_PER_LIVE_POINT * settings.nlive()));
        // The prior stage fills the root with nprior points (or gives up).
        this.tree = new ClusterTree(dim, settings.nprior());
        this.liveView = new LiveView(live, tree);
    }

    /**
     * Runs nested sampling on a problem.
     *
     * @throws IllegalArgumentException when the settings do not fit the problem
     * @throws IllegalStateException    when the prior stage cannot find points inside the support, or the
     *                                  likelihood returns NaN
     */
    public static SamplerResult run(Problem problem, SamplerSettings settings, ProgressListener progress) {
        return new NestedSampler(problem, settings, progress).run();
    }

    static void checkNotNaN(double logL, double[] theta) {
        if (Double.isNaN(logL)) {
            throw new IllegalStateException("the log-likelihood is NaN at " + Arrays.toString(theta));
        }
    }

    private SamplerResult run() {
        long start = System.nanoTime();
        drawPrior();
        tree.refreshWhitening(live);
        double logNextUpdate = Math.log(settings.compressionFactor());
        double logPrecision = Math.log(settings.precisionCriterion());
        double[] newUnit = new double[dim];
        double[] newTheta = new double[dim];
        while (true) {
            int worst = live.lowest();
            double logLStar = live.logL(worst);
            ClusterTree.Cluster c = tree.get(live.clusterOf(worst));
            double logShare = global.kill(logLStar, live.count());
            double logLocalShare = c.moments.kill(logLStar, c.nLive);
            dead.add(live.theta(), worst * dim, logLStar, live.birth(worst), c.id, c.nLive, logShare, logLocalShare);
            c.recordDeath(live.unit(), worst * dim, logLStar);
            boolean replace = live.count() <= settings.nlive();
            live.remove(worst);
            if (settings.maxNdead() > 0 && dead.size() >= settings.maxNdead()) {
                break;
            }
            if (replace) {
                addNewPoint(logLStar, newUnit, newTheta);
                if (!newPoints.lastDrawSeeded()) {
                    dead.markLastReplacedByVolume();
                }
            }
            if (global.logVolume() < logNextUpdate) {
                logNextUpdate = global.logVolume() + Math.log(settings.compressionFactor());
                if (settings.doClustering()) {
                    int firstReplaced = settings.nprior() - settings.nlive();
                    tree.recluster(live, dead.size(),
                            split -> UrnVariance.of(problem, live, dead, firstReplaced, split, segmentCalls));
                }
                tree.refreshWhitening(live);
                reportProgress(start);
            }
            if (live.count() <= settings.nlive() && converged(logPrecision)) {
                break;
            }
        }
        reportProgress(start);
        return ResultAssembly.assemble(new ResultAssembly.FinalState(problem, settings, live, dead, tree, global,
                likelihoodCalls(), newPoints.outsideSupportCalls() + nPriorRejected + segmentCalls[1], nPriorDraws,
                errorRng, (System.nanoTime() - start) * 1e-9));
    }

    /**
     * Draws nprior points inside the support, counting the draws outside it. Gives up once nfail draws per wanted
     * point have been rejected, that is when the allowed fraction of the prior is below about 1 / (nfail + 1).
     */
    private void drawPrior() {
        long maxRejected = (long) settings.nfail() * settings.nprior();
        double[] u = new double[dim];
        double[] t = new double[dim];
        while (live.count() < settings.nprior()) {
            for (int i = 0; i < dim; i++) {
                u[i] = rng.nextDouble();
            }
            problem.fromUnitCube(u, t);
            double l = problem.logLikelihood(t);
            nPriorDraws++;
            if (Problem.isOutsideSupport(l)) {
                checkNotNaN(l, t);
                if (++nPriorRejected >= maxRejected) {
                    throw new IllegalStateException("the prior stage rejected " + nPriorRejected
                            + " draws outside the prior's support for " + live.count() + " accepted (nfail = "
                            + settings.nfail() + " per point): the allowed region is too small to sample");
                }
                continue;
            }
            live.add(u, t, l, Double.NEGATIVE_INFINITY, 0);
        }
    }

    /**
     * Whether the live points' evidence X * mean(L) is below the precision criterion times the total. The mean is at
     * least max(L) / n, so while X * max(L) / n is above the criterion times the dead points' evidence the run goes
     * on without the O(nlive) exponentials of the exact test.
     */
    private boolean converged(double logPrecision) {
        double logThreshold = logPrecision - Math.log1p(-settings.precisionCriterion()) + global.logMeanZ();
        if (global.logVolume() + live.maxLogL() - Math.log(live.count()) >= logThreshold) {
            return false;
        }
        return live.logMeanL() + global.logVolume() < logPrecision + currentEvidence().logMeanZ();
    }

    /** Replaces a dead point: a new point drawn from a cluster chosen in proportion to its volume. */
    private void addNewPoint(double logLStar, double[] newUnit, double[] newTheta) {
        ClusterTree.Cluster c = tree.choose(rng);
        double l = newPoints.draw(liveView, c.id, logLStar, newUnit, newTheta);
        int home = tree.activeCount() > 1 ? live.clusterOf(live.nearest(newUnit)) : c.id;
        live.add(newUnit, newTheta, l, logLStar, home);
        tree.get(home).nLive++;
    }

    /** Likelihood calls so far inside the support: prior draws, new points, saddle searches. */
    private long likelihoodCalls() {
        return newPoints.likelihoodCalls() + nPriorDraws - nPriorRejected + segmentCalls[0];
    }

    private EvidenceMoments currentEvidence() {
        return global.withLiveContribution(live.logMeanL());
    }

    private void reportProgress(long start) {
        EvidenceMoments now = currentEvidence();
        progress.onUpdate(new Progress(dead.size(), likelihoodCalls(), now.logZ(), now.logZError(),
                tree.activeCount(), (System.nanoTime() - start) * 1e-9));
    }
}
