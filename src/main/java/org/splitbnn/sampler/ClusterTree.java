package org.splitbnn.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A run's tree of clusters, ids in order of creation (the root, holding every prior draw, is 0). Each cluster keeps
 * its local evidence moments, live-point count, highest point and whitening; a cluster that splits passes its
 * volume on to its children in proportion to the live points each receives, and the leaves with live points (the
 * active clusters) are where new points are drawn.
 */
final class ClusterTree {

    /** One cluster of the tree: its evidence moments, live-point count and whitening. */
    static final class Cluster {
        final int id;
        final int parent;
        final double logFractionOfParent;
        /** Dead points recorded when the cluster was created, and the live points it received then. */
        final int bornAtDead;
        final int nAtBirth;
        /** Its highest dead point so far: unit coordinates and log-likelihood. */
        final double[] bestUnit;
        double bestLogL = Double.NEGATIVE_INFINITY;
        /** Relative variance its volume share gathered before the split, when its region no longer mixed. */
        double urnVariance;
        /** Where among its members (in row order) the next seed of a new point is taken. */
        int seedCursor;
        final EvidenceMoments moments;
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

        /** Counts the death of one of its live points (unit coordinates at {@code offset}), its highest if so. */
        void recordDeath(double[] unit, int offset, double logL) {
            if (logL > bestLogL) {
                bestLogL = logL;
                System.arraycopy(unit, offset, bestUnit, 0, bestUnit.length);
            }
            nDead++;
            nLive--;
        }

        /** Whether it is a leaf with live points. */
        boolean active() {
            return !split && nLive > 0;
        }
    }

    /**
     * A proposed split of a cluster's live points.
     *
     * @param parent the cluster
     * @param rows   its live points' rows, in row order
     * @param labels the child (0 to k - 1) of each row
     * @param k      the number of children
     */
    record Split(int parent, int[] rows, int[] labels, int k) {
    }

    private final int dim;
    private final List<Cluster> clusters = new ArrayList<>();

    /** A tree of one cluster, the root, holding {@code nRoot} live points. */
    ClusterTree(int dim, int nRoot) {
        this.dim = dim;
        clusters.add(new Cluster(0, -1, 0.0, new EvidenceMoments(), dim, 0, nRoot));
    }

    Cluster get(int id) {
        return clusters.get(id);
    }

    /** Every cluster, by id. */
    List<Cluster> all() {
        return Collections.unmodifiableList(clusters);
    }

    /** The leaves (the clusters that never split), by id. */
    List<Cluster> leaves() {
        return clusters.stream().filter(c -> !c.split).toList();
    }

    int activeCount() {
        int n = 0;
        for (Cluster c : clusters) {
            if (c.active()) {
                n++;
            }
        }
        return n;
    }

    int[] activeIds() {
        return clusters.stream().filter(Cluster::active).mapToInt(c -> c.id).toArray();
    }

    /** An active cluster drawn with probability in proportion to its expected volume. */
    Cluster choose(UniformRandomProvider rng) {
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
    int nextSeed(int cluster, LiveSet live) {
        Cluster c = clusters.get(cluster);
        int target = c.seedCursor % c.nLive;
        c.seedCursor = target + 1;
        int row = live.member(c.id, target);
        if (row < 0) {
            throw new IllegalStateException("cluster " + c.id + " has fewer live points than counted");
        }
        return row;
    }

    /**
     * Clusters the live points of every active cluster again (by {@link KnnClustering}); a cluster that splits
     * passes its share on to children that start with its evidence and the given urn variance of each.
     *
     * @param nDead the dead points so far
     */
    void recluster(LiveSet live, int nDead, Function<Split, double[]> urnVariance) {
        int nClusters = clusters.size();
        for (int ci = 0; ci < nClusters; ci++) {
            Cluster c = clusters.get(ci);
            if (!c.active() || c.nLive < 2 * (dim + 1)) {
                continue;
            }
            int[] rows = live.members(c.id);
            int[] labels = KnnClustering.cluster(live.unit(), rows, dim);
            int k = Arrays.stream(labels).max().orElse(0) + 1;
            if (k == 1) {
                continue;
            }
            int[] sizes = new int[k];
            for (int l : labels) {
                sizes[l]++;
            }
            int firstChild = clusters.size();
            double[] urn = urnVariance.apply(new Split(c.id, rows, labels, k));
            for (int j = 0; j < k; j++) {
                double logFraction = Math.log(sizes[j] / (double) rows.length);
                Cluster child = new Cluster(clusters.size(), c.id, logFraction, c.moments.share(logFraction), dim,
                        nDead, sizes[j]);
                child.urnVariance = urn[j];
                clusters.add(child);
            }
            for (int i = 0; i < rows.length; i++) {
                live.moveToCluster(rows[i], firstChild + labels[i]);
            }
            c.split = true;
            c.nLive = 0;
        }
    }

    /**
     * Recomputes each active cluster's Cholesky factor from its live points. A cluster too small or too degenerate
     * for a positive-definite covariance uses the factor of all live points instead: a slice too wide costs a few
     * shrinking steps, one too narrow costs many stepping-out calls.
     */
    void refreshWhitening(LiveSet live) {
        double[] allFactor = null;
        for (Cluster c : clusters) {
            if (c.active()) {
                int[] rows = live.members(c.id);
                if (!Whitening.choleskyOfCovariance(live.unit(), rows, rows.length, dim, c.cholesky)) {
                    if (allFactor == null) {
                        allFactor = new double[dim * dim];
                        Whitening.choleskyOfCovariance(live.unit(), live.rows(), live.count(), dim, allFactor);
                    }
                    System.arraycopy(allFactor, 0, c.cholesky, 0, allFactor.length);
                }
            }
        }
    }
}
