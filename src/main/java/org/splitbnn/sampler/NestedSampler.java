package org.splitbnn.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

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
    private final LivePoints liveView = new LiveView();

    // Live points, compact in [0, nLive): unit coordinates, physical parameters, logL, birth contour, cluster.
    private final double[] unit;
    private final double[] theta;
    private final double[] logL;
    private final double[] birth;
    private final int[] clusterOf;
    private int nLive;

    private final DeadPoints dead;
    private final List<Cluster> clusters = new ArrayList<>();
    private final EvidenceMoments global = new EvidenceMoments();
    private final int[] scratchRows;
    /** Dead points whose replacement was drawn in proportion to volume rather than seeded by a live point. */
    private final BitSet replacedByVolume = new BitSet();
    private long nPriorDraws;
    private long nPriorRejected;
    /** Likelihood calls along segments (urn phases of splits, mode grouping): inside, outside the support. */
    private final long[] segmentCalls = new long[2];

    /** One cluster of the tree: its evidence moments, live-point count and whitening. */
    private static final class Cluster {
        final int id;
        final int parent;
        final double logFractionOfParent;
        /** Dead points recorded when the cluster was created, and the live points it received then. */
        final int bornAtDead;
        final int nAtBirth;
        /** Its highest point so far: unit coordinates and log-likelihood. */
        final double[] bestUnit;
        double bestLogL = Double.NEGATIVE_INFINITY;
        /** Relative variance its volume share gathered before the split, when its region no longer mixed. */
        double urnVariance;
        /** Where among its members (in row order) the next seed of a new point is taken. */
        int seedCursor;
        EvidenceMoments moments;
        int nLive;
        int nDead;
        boolean split;
        final double[] cholesky;

        Cluster(int id, int parent, double logFractionOfParent, EvidenceMoments moments, int dim, int bornAtDead,
                int nAtBirth) {
            this.id = id;
            this.parent = parent;
            this.logFractionOfParent = logFractionOfParent;
            this.moments = moments;
            this.cholesky = new double[dim * dim];
            this.bornAtDead = bornAtDead;
            this.nAtBirth = nAtBirth;
            this.nLive = nAtBirth;
            this.bestUnit = new double[dim];
        }

        /** Records a point of the cluster if it is its highest so far. */
        void offer(double[] unit, int offset, double logL) {
            if (logL > bestLogL) {
                bestLogL = logL;
                System.arraycopy(unit, offset, bestUnit, 0, bestUnit.length);
            }
        }

        boolean active() {
            return !split && nLive > 0;
        }
    }

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
        int capacity = settings.nprior();
        this.unit = new double[capacity * dim];
        this.theta = new double[capacity * dim];
        this.logL = new double[capacity];
        this.birth = new double[capacity];
        this.clusterOf = new int[capacity];
        this.scratchRows = new int[capacity];
        this.dead = new DeadPoints(dim,
                Math.max(16, SamplerSettings.DEAD_CAPACITY_PER_LIVE_POINT * settings.nlive()));
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
        Cluster root = new Cluster(0, -1, 0.0, new EvidenceMoments(), dim, 0, nLive);
        clusters.add(root);
        refreshWhitening();
        double logNextUpdate = Math.log(settings.compressionFactor());
        double logPrecision = Math.log(settings.precisionCriterion());
        double[] newUnit = new double[dim];
        double[] newTheta = new double[dim];
        while (true) {
            int worst = lowestLive();
            double logLStar = logL[worst];
            Cluster c = clusters.get(clusterOf[worst]);
            double logShare = global.kill(logLStar, nLive);
            double logLocalShare = c.moments.kill(logLStar, c.nLive);
            dead.add(theta, worst * dim, logLStar, birth[worst], c.id, c.nLive, logShare, logLocalShare);
            c.offer(unit, worst * dim, logLStar);
            c.nDead++;
            boolean replace = nLive <= settings.nlive();
            removeLive(worst);
            c.nLive--;
            if (settings.maxNdead() > 0 && dead.size() >= settings.maxNdead()) {
                break;
            }
            if (replace) {
                addNewPoint(logLStar, newUnit, newTheta);
                replacedByVolume.set(dead.size() - 1, !newPoints.lastDrawSeeded());
            }
            if (global.logVolume() < logNextUpdate) {
                logNextUpdate = global.logVolume() + Math.log(settings.compressionFactor());
                if (settings.doClustering()) {
                    recluster();
                }
                refreshWhitening();
                reportProgress(start);
            }
            if (nLive <= settings.nlive() && converged(logPrecision)) {
                break;
            }
        }
        reportProgress(start);
        return result((System.nanoTime() - start) * 1e-9);
    }

    /**
     * Draws nprior points inside the support, counting the draws outside it. Gives up once nfail draws per wanted
     * point have been rejected, that is when the allowed fraction of the prior is below about 1 / (nfail + 1).
     */
    private void drawPrior() {
        long maxRejected = (long) settings.nfail() * settings.nprior();
        double[] u = new double[dim];
        double[] t = new double[dim];
        while (nLive < settings.nprior()) {
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
                            + " draws outside the prior's support for " + nLive + " accepted (nfail = "
                            + settings.nfail() + " per point): the allowed region is too small to sample");
                }
                continue;
            }
            System.arraycopy(u, 0, unit, nLive * dim, dim);
            System.arraycopy(t, 0, theta, nLive * dim, dim);
            logL[nLive] = l;
            birth[nLive] = Double.NEGATIVE_INFINITY;
            clusterOf[nLive] = 0;
            nLive++;
        }
    }

    private int lowestLive() {
        int worst = 0;
        double min = logL[0];
        for (int i = 1; i < nLive; i++) {
            if (logL[i] < min) {
                min = logL[i];
                worst = i;
            }
        }
        return worst;
    }

    /**
     * Whether the live points' evidence X * mean(L) is below the precision criterion times the total. The mean is at
     * least max(L) / n, so while X * max(L) / n is above the criterion times the dead points' evidence the run goes
     * on without the O(nlive) exponentials of the exact test.
     */
    private boolean converged(double logPrecision) {
        double maxLogL = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nLive; i++) {
            maxLogL = Math.max(maxLogL, logL[i]);
        }
        double logThreshold = logPrecision - Math.log1p(-settings.precisionCriterion()) + global.logMeanZ();
        if (global.logVolume() + maxLogL - Math.log(nLive) >= logThreshold) {
            return false;
        }
        return logMeanLiveL() + global.logVolume() < logPrecision + currentEvidence().logMeanZ();
    }

    /** Removes live point i by moving the last live point into its place. */
    private void removeLive(int i) {
        int last = nLive - 1;
        if (i != last) {
            System.arraycopy(unit, last * dim, unit, i * dim, dim);
            System.arraycopy(theta, last * dim, theta, i * dim, dim);
            logL[i] = logL[last];
            birth[i] = birth[last];
            clusterOf[i] = clusterOf[last];
        }
        nLive--;
    }

    /** Replaces a dead point: a new point drawn from a cluster chosen in proportion to its volume. */
    private void addNewPoint(double logLStar, double[] newUnit, double[] newTheta) {
        Cluster c = chooseCluster();
        double l = newPoints.draw(liveView, c.id, logLStar, newUnit, newTheta);
        int home = activeClusters() > 1 ? clusterOf[nearestLive(newUnit)] : c.id;
        System.arraycopy(newUnit, 0, unit, nLive * dim, dim);
        System.arraycopy(newTheta, 0, theta, nLive * dim, dim);
        logL[nLive] = l;
        birth[nLive] = logLStar;
        clusterOf[nLive] = home;
        nLive++;
        clusters.get(home).nLive++;
    }

    private Cluster chooseCluster() {
        double maxLogX = Double.NEGATIVE_INFINITY;
        for (Cluster c : clusters) {
            if (c.active()) {
                maxLogX = Math.max(maxLogX, c.moments.logVolume());
            }
        }
        double total = 0;
        for (Cluster c : clusters) {
            if (c.active()) {
                total += Math.exp(c.moments.logVolume() - maxLogX);
            }
        }
        double u = rng.nextDouble() * total;
        Cluster last = null;
        for (Cluster c : clusters) {
            if (c.active()) {
                last = c;
                u -= Math.exp(c.moments.logVolume() - maxLogX);
                if (u < 0) {
                    return c;
                }
            }
        }
        return last;
    }

    /**
     * The live point of a cluster the next new point starts from: the cluster's members in row order, taken in turn.
     * Seeds drawn at random would make each region of the cluster, once the contour has cut it off from the others,
     * gather new points like an urn, so that its count drifts away from its volume; taken in turn, each region seeds
     * new points in proportion to its live points, and its count drifts only with the deaths inside it.
     */
    private int nextSeed(Cluster c) {
        int target = c.seedCursor % c.nLive;
        c.seedCursor = target + 1;
        for (int i = 0; i < nLive; i++) {
            if (clusterOf[i] == c.id && target-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("cluster " + c.id + " has fewer live points than counted");
    }

    private int nearestLive(double[] u) {
        int best = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nLive; i++) {
            int off = i * dim;
            double d2 = 0;
            for (int j = 0; j < dim && d2 < bestD2; j++) {
                double d = unit[off + j] - u[j];
                d2 += d * d;
            }
            if (d2 < bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    private int activeClusters() {
        int n = 0;
        for (Cluster c : clusters) {
            if (c.active()) {
                n++;
            }
        }
        return n;
    }

    /** Clusters the live points of every active cluster again; a cluster that splits passes its share on. */
    private void recluster() {
        int nClusters = clusters.size();
        for (int ci = 0; ci < nClusters; ci++) {
            Cluster c = clusters.get(ci);
            if (!c.active() || c.nLive < 2 * (dim + 1)) {
                continue;
            }
            int[] rows = membersOf(c.id);
            int[] labels = KnnClustering.cluster(unit, rows, dim);
            int k = Arrays.stream(labels).max().orElse(0) + 1;
            if (k == 1) {
                continue;
            }
            int[] sizes = new int[k];
            for (int l : labels) {
                sizes[l]++;
            }
            int firstChild = clusters.size();
            double[] urn = urnVariance(c, rows, labels, k);
            for (int j = 0; j < k; j++) {
                double logFraction = Math.log(sizes[j] / (double) rows.length);
                Cluster child = new Cluster(clusters.size(), c.id, logFraction, c.moments.share(logFraction), dim,
                        dead.size(), sizes[j]);
                child.urnVariance = urn[j];
                clusters.add(child);
            }
            for (int i = 0; i < rows.length; i++) {
                clusterOf[rows[i]] = firstChild + labels[i];
            }
            c.split = true;
            c.nLive = 0;
        }
    }

    /**
     * The relative variance each child's volume share gathered while its region was cut off from its siblings'
     * before the split. From the moment the contour rose above the lowest point of the segment between the child's
     * best point and its best sibling's (the saddle, as far as a straight path sees it), a new point seeded in the
     * parent stays in the region of its seed, so the region's count follows its own births and deaths rather than its
     * volume, and the count it held when cut off stays the measure of its share however much it grows. For a share
     * f = n / n_parent, with n the region's live points (dead points classified by their nearest member of a child):
     * each birth in the parent adds (1 - f) / (n n_parent), which sums to about the difference between the relative
     * variance of the count when cut off and that of the count now (the split's Dirichlet share holds the latter);
     * each death in the region adds (1 - f) / n^2, the scatter of how many of its points died (seeds taken in turn,
     * {@link #nextSeed}, add none of their own). The prior stage adds nothing: its deaths are not replaced. Nor does
     * a death whose replacement was drawn in proportion to volume (a region sampler's draw): such births restore each
     * region's count towards its volume share, so the count at the split is a fresh draw that the split's Dirichlet
     * share already holds.
     */
    private double[] urnVariance(Cluster c, int[] rows, int[] labels, int k) {
        int now = dead.size();
        double[] var = new double[k];
        if (now == 0) {
            return var;
        }
        int[] top = new int[k];
        Arrays.fill(top, -1);
        for (int i = 0; i < rows.length; i++) {
            int j = labels[i];
            if (top[j] < 0 || logL[rows[i]] > logL[top[j]]) {
                top[j] = rows[i];
            }
        }
        double logLStar = dead.logL()[now - 1];
        int[] sep = new int[k];
        int sepMin = now;
        double[] a = new double[dim];
        double[] b = new double[dim];
        double[] u = new double[dim];
        double[] t = new double[dim];
        for (int j = 0; j < k; j++) {
            int other = -1;
            for (int o = 0; o < k; o++) {
                if (o != j && (other < 0 || logL[top[o]] > logL[other])) {
                    other = top[o];
                }
            }
            System.arraycopy(unit, top[j] * dim, a, 0, dim);
            System.arraycopy(unit, other * dim, b, 0, dim);
            double saddle = ModeMerging.lowestAlong(problem, a, b, Double.NEGATIVE_INFINITY, u, t, segmentCalls);
            // The prior stage's deaths are not replaced, so the urn starts after them at the earliest.
            sep[j] = saddle >= logLStar ? now
                    : Math.min(now, Math.max(firstDeadAbove(saddle, now), settings.nprior() - settings.nlive()));
            sepMin = Math.min(sepMin, sep[j]);
        }
        if (sepMin == now) {
            return var;
        }
        int span = now - sepMin;
        int[][] delta = new int[k][span + 1];
        int[] regionOfDead = new int[span];
        for (int d = sepMin; d < now; d++) {
            if (dead.cluster()[d] == c.id) {
                int j = labels[nearestMember(dead.theta(), d * dim, rows)];
                regionOfDead[d - sepMin] = j;
                delta[j][Math.max(firstDeadAbove(dead.birth()[d], now), sepMin) - sepMin]++;
                delta[j][d + 1 - sepMin]--;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            delta[labels[i]][Math.max(firstDeadAbove(birth[rows[i]], now), sepMin) - sepMin]++;
        }
        int[] n = new int[k];
        for (int i = sepMin; i < now; i++) {
            for (int j = 0; j < k; j++) {
                n[j] += delta[j][i - sepMin];
            }
            if (dead.cluster()[i] != c.id || replacedByVolume.get(i)) {
                continue;
            }
            double nParent = dead.nLocal()[i];
            for (int j = 0; j < k; j++) {
                if (i >= sep[j] && n[j] > 0) {
                    var[j] += (1 - n[j] / nParent) / (n[j] * nParent);
                }
            }
            int dying = regionOfDead[i - sepMin];
            if (i >= sep[dying] && n[dying] > 0) {
                var[dying] += (1 - n[dying] / nParent) / ((double) n[dying] * n[dying]);
            }
        }
        return var;
    }

    /** The first dead point (of the first {@code now}) whose log-likelihood exceeds a value. */
    private int firstDeadAbove(double value, int now) {
        double[] l = dead.logL();
        int lo = 0;
        int hi = now;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (l[mid] > value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Index into rows of the live point whose parameters are nearest a point of {@code source}. */
    private int nearestMember(double[] source, int offset, int[] rows) {
        int best = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            int off = rows[i] * dim;
            double d2 = 0;
            for (int j = 0; j < dim && d2 < bestD2; j++) {
                double d = theta[off + j] - source[offset + j];
                d2 += d * d;
            }
            if (d2 < bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    private int[] membersOf(int cluster) {
        int n = 0;
        for (int i = 0; i < nLive; i++) {
            if (clusterOf[i] == cluster) {
                scratchRows[n++] = i;
            }
        }
        return Arrays.copyOf(scratchRows, n);
    }

    /**
     * Recomputes each active cluster's Cholesky factor from its live points. A cluster too small or too degenerate
     * for a positive-definite covariance uses the factor of all live points instead: a slice too wide costs a few
     * shrinking steps, one too narrow costs many stepping-out calls.
     */
    private void refreshWhitening() {
        double[] allFactor = null;
        for (Cluster c : clusters) {
            if (c.active()) {
                int[] rows = membersOf(c.id);
                if (!Whitening.choleskyOfCovariance(unit, rows, rows.length, dim, c.cholesky)) {
                    if (allFactor == null) {
                        allFactor = new double[dim * dim];
                        int[] all = new int[nLive];
                        Arrays.setAll(all, i -> i);
                        Whitening.choleskyOfCovariance(unit, all, nLive, dim, allFactor);
                    }
                    System.arraycopy(allFactor, 0, c.cholesky, 0, allFactor.length);
                }
            }
        }
    }

    /** The live points as the new-point sampler sees them. */
    private final class LiveView implements LivePoints {
        @Override
        public int count() {
            return nLive;
        }

        @Override
        public double[] unit() {
            return unit;
        }

        @Override
        public double logL(int row) {
            return logL[row];
        }

        @Override
        public int clusterOf(int row) {
            return clusterOf[row];
        }

        @Override
        public int[] activeClusters() {
            return clusters.stream().filter(Cluster::active).mapToInt(c -> c.id).toArray();
        }

        @Override
        public int[] members(int cluster) {
            return membersOf(cluster);
        }

        @Override
        public double[] cholesky(int cluster) {
            return clusters.get(cluster).cholesky;
        }

        @Override
        public int nextSeed(int cluster) {
            return NestedSampler.this.nextSeed(clusters.get(cluster));
        }
    }

    private double logMeanLiveL() {
        return LogMath.logSumExp(logL, nLive) - Math.log(nLive);
    }

    private EvidenceMoments currentEvidence() {
        return global.withLiveContribution(logMeanLiveL());
    }

    private void reportProgress(long start) {
        EvidenceMoments now = currentEvidence();
        progress.onUpdate(new Progress(dead.size(), newPoints.likelihoodCalls() + nPriorDraws - nPriorRejected
                + segmentCalls[0],
                now.logZ(), now.logZError(), activeClusters(), (System.nanoTime() - start) * 1e-9));
    }

    private SamplerResult result(double wallSeconds) {
        int nDead = dead.size();
        int total = nDead + nLive;
        double[] allTheta = Arrays.copyOf(dead.theta(), total * dim);
        System.arraycopy(theta, 0, allTheta, nDead * dim, nLive * dim);
        double[] allLogL = Arrays.copyOf(dead.logL(), total);
        System.arraycopy(logL, 0, allLogL, nDead, nLive);
        double[] allBirth = Arrays.copyOf(dead.birth(), total);
        System.arraycopy(birth, 0, allBirth, nDead, nLive);
        int[] allCluster = Arrays.copyOf(dead.cluster(), total);
        System.arraycopy(clusterOf, 0, allCluster, nDead, nLive);

        // Global weights: dead points' shares, then the remaining volume split evenly among the live points.
        double[] logW = new double[total];
        double logLiveShare = global.logVolume() - Math.log(nLive);
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
        EvidenceMoments finalGlobal = global.withLiveContribution(logMeanLiveL());

        // Leaves: local evidences rescaled to sum to the global one, then grouped into modes.
        List<Cluster> leaves = clusters.stream().filter(c -> !c.split).toList();
        int nLeaves = leaves.size();
        double[] leafLogZ = new double[nLeaves];
        double[][] bestUnit = new double[nLeaves][];
        double[] bestLogL = new double[nLeaves];
        double[][] liveUnit = new double[nLeaves][];
        double[][] liveLogL = new double[nLeaves][];
        for (int i = 0; i < nLive; i++) {
            clusters.get(clusterOf[i]).offer(unit, i * dim, logL[i]);
        }
        for (int l = 0; l < nLeaves; l++) {
            leafLogZ[l] = finalLocal(leaves.get(l)).logZ();
            bestUnit[l] = leaves.get(l).bestUnit;
            bestLogL[l] = leaves.get(l).bestLogL;
            int[] rows = membersOf(leaves.get(l).id);
            liveUnit[l] = new double[rows.length * dim];
            liveLogL[l] = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(unit, rows[i] * dim, liveUnit[l], i * dim, dim);
                liveLogL[l][i] = logL[rows[i]];
            }
        }
        double rescale = finalGlobal.logZ() - LogMath.logSumExp(leafLogZ, nLeaves);
        ModeMerging.Grouping grouping = nLeaves > 1 ? ModeMerging.group(problem, bestUnit, bestLogL, liveUnit, liveLogL)
                : new ModeMerging.Grouping(new int[nLeaves], nLeaves, 0, 0);
        int nModes = grouping.nModes();

        int[] modeOfCluster = new int[clusters.size()];
        Arrays.fill(modeOfCluster, -1);
        for (int l = 0; l < nLeaves; l++) {
            modeOfCluster[leaves.get(l).id] = grouping.modeOfLeaf()[l];
        }
        VolumeSimulation.Errors errors = VolumeSimulation.simulate(tree(modeOfCluster, nModes), errorRng);

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
            Cluster c = leaves.get(l);
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
            modes.add(modePosterior(m, leaves, grouping.modeOfLeaf(), leafLogZ, allLogL, allCluster, nDead));
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
        double logF = Math.log(settings.nprior() / (double) nPriorDraws);
        double logFErr = Math.sqrt(Math.max(0, (nPriorDraws - settings.nprior()))
                / ((double) settings.nprior() * nPriorDraws));
        return new SamplerResult(problem.parameterNames(), settings, finalGlobal.logZ(), errors.logZErr(),
                logF, logFErr, kl,
                newPoints.likelihoodCalls() + nPriorDraws - nPriorRejected + grouping.nLikelihood() + segmentCalls[0],
                newPoints.outsideSupportCalls() + nPriorRejected + grouping.nOutsideSupport() + segmentCalls[1],
                nPriorDraws, nDead,
                posterior, nLeaves, List.copyOf(sortedSummaries), List.copyOf(sortedModes), wallSeconds);
    }

    /** The run's cluster tree as the volume simulation reads it, with the mode of each leaf. */
    private VolumeSimulation.Tree tree(int[] modeOfCluster, int nModes) {
        int k = clusters.size();
        int[] parent = new int[k];
        int[] bornAtDead = new int[k];
        int[] nAtBirth = new int[k];
        double[] urnVariance = new double[k];
        double[] logMeanLive = new double[k];
        double[] logScale = new double[k];
        Arrays.fill(logMeanLive, Double.NEGATIVE_INFINITY);
        for (Cluster c : clusters) {
            parent[c.id] = c.parent;
            bornAtDead[c.id] = c.bornAtDead;
            nAtBirth[c.id] = c.nAtBirth;
            urnVariance[c.id] = c.urnVariance;
            double scale = c.moments.logMeanZ();
            logScale[c.id] = Double.isFinite(scale) ? scale : 0;
        }
        for (Cluster c : clusters) {
            if (!c.split && c.nLive > 0) {
                logMeanLive[c.id] = logMeanLiveL(c);
            }
        }
        return new VolumeSimulation.Tree(dead.logL(), dead.cluster(), dead.nLocal(), dead.size(), parent, bornAtDead,
                nAtBirth, urnVariance, logMeanLive, modeOfCluster, nModes, logScale);
    }

    /** A cluster's local evidence moments with its final live points added. */
    private EvidenceMoments finalLocal(Cluster c) {
        if (c.nLive == 0) {
            return c.moments;
        }
        return c.moments.withLiveContribution(logMeanLiveL(c));
    }

    /** Log of the mean likelihood of a cluster's live points (it must hold some). */
    private double logMeanLiveL(Cluster c) {
        double[] live = new double[c.nLive];
        int n = 0;
        for (int i = 0; i < nLive; i++) {
            if (clusterOf[i] == c.id) {
                live[n++] = logL[i];
            }
        }
        return LogMath.logSumExp(live, n) - Math.log(n);
    }

    /**
     * The weighted points of mode m: the union of its leaves' points, each leaf's weighted by its share of the
     * mode's evidence (a point that died in an ancestor before the split counts once, with the summed weight).
     */
    private SamplerResult.ModePosterior modePosterior(int m, List<Cluster> leaves, int[] modeOfLeaf,
                                                     double[] leafLogZ, double[] allLogL, int[] allCluster,
                                                     int nDead) {
        double[] logW = new double[allLogL.length];
        Arrays.fill(logW, Double.NEGATIVE_INFINITY);
        for (int l = 0; l < leaves.size(); l++) {
            if (modeOfLeaf[l] != m) {
                continue;
            }
            SamplerResult.ModePosterior leaf = leafPosterior(leaves.get(l), allLogL, allCluster, nDead);
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
        double logSum = LogMath.logSumExp(logW, n);
        for (int i = 0; i < n; i++) {
            logW[i] -= logSum;
        }
        return new SamplerResult.ModePosterior(Arrays.copyOf(rows, n), Arrays.copyOf(logW, n));
    }

    /**
     * The weighted points of a leaf cluster: its own dead and live points at their local weights, and the points that
     * died in each ancestor before the split at the share of volume handed down to this leaf.
     */
    private SamplerResult.ModePosterior leafPosterior(Cluster leaf, double[] allLogL, int[] allCluster, int nDead) {
        double[] logFractionOf = new double[clusters.size()];
        Arrays.fill(logFractionOf, Double.NaN);
        double cumulative = 0;
        for (Cluster c = leaf; c != null; c = c.parent >= 0 ? clusters.get(c.parent) : null) {
            logFractionOf[c.id] = cumulative;
            cumulative += c.logFractionOfParent;
        }
        double logLiveShare = leaf.nLive > 0 ? leaf.moments.logVolume() - Math.log(leaf.nLive) : 0;
        int[] rows = new int[allLogL.length];
        double[] logW = new double[allLogL.length];
        int n = 0;
        for (int i = 0; i < allLogL.length; i++) {
            double f = logFractionOf[allCluster[i]];
            if (Double.isNaN(f)) {
                continue;
            }
            double share = i < nDead ? dead.logLocalShare()[i] + f : logLiveShare;
            rows[n] = i;
            logW[n] = allLogL[i] + share;
            n++;
        }
        double logSum = LogMath.logSumExp(logW, n);
        for (int i = 0; i < n; i++) {
            logW[i] -= logSum;
        }
        return new SamplerResult.ModePosterior(Arrays.copyOf(rows, n), Arrays.copyOf(logW, n));
    }
}
