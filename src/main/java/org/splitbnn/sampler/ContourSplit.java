package org.splitbnn.sampler;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Splits a cluster's live points into the regions above the current contour that the likelihood shows apart, where
 * the geometry alone cannot. Rank-based k-nearest-neighbour linking ({@link KnnClustering}) keeps a group of m points
 * apart only for k below m, so a small peak beside large ones (the eggbox's corner and edge peaks, cut by the box to a
 * quarter and a half) stays in a cluster with its neighbours; inside one cluster a new point is seeded from a random
 * member and stays on its seed's peak, so the peaks' counts drift like an urn and a small peak dies out. Here the
 * points are first cut into fragments (each point linked to its {@link #FRAGMENT_NEIGHBOURS} nearest neighbours);
 * then, taking the cluster's neighbour links in order of length, two fragments are joined when the straight segment
 * between the linked points stays at or above the contour (at {@link ModeMerging#SEGMENT_STEPS} - 1 interior
 * points): their points lie in one connected region above it. Fragments no passing segment joins are separate
 * regions. A convex region (a Gaussian's ellipsoid) is never split, every segment inside it passing; one test per
 * pair of fragments that failed keeps the calls down (at most about one test per fragment in a region that holds
 * together, plus the failures between regions).
 */
final class ContourSplit {

    /** Neighbours linked into one fragment without a test. */
    static final int FRAGMENT_NEIGHBOURS = 2;

    private ContourSplit() {
    }

    /**
     * Refines a partition of live points: each part is split into the regions above the contour that segments
     * between neighbours reveal.
     *
     * @param problem  the problem (its likelihood is called along the segments)
     * @param unit     row-major unit-hypercube coordinates, {@code dim} each
     * @param rows     which rows are clustered
     * @param labels   their partition (labels 0..k-1, in the order of rows)
     * @param logLStar the contour: every point of a segment that joins must be at or above it
     * @param calls    likelihood calls, counted in calls[0] inside the support and calls[1] outside it
     * @return the refined labels, numbered by first appearance
     */
    static int[] refine(Problem problem, double[] unit, int[] rows, int dim, int[] labels, double logLStar,
                        long[] calls) {
        int k = Arrays.stream(labels).max().orElse(-1) + 1;
        int[] out = new int[rows.length];
        int next = 0;
        for (int c = 0; c < k; c++) {
            int size = 0;
            for (int l : labels) {
                size += l == c ? 1 : 0;
            }
            int[] members = new int[size];
            int[] sub = new int[size];
            for (int i = 0, m = 0; i < rows.length; i++) {
                if (labels[i] == c) {
                    members[m] = i;
                    sub[m++] = rows[i];
                }
            }
            int[] parts = split(problem, unit, sub, dim, logLStar, calls);
            int nParts = 0;
            for (int i = 0; i < size; i++) {
                out[members[i]] = next + parts[i];
                nParts = Math.max(nParts, parts[i] + 1);
            }
            next += nParts;
        }
        return KnnClustering.relabel(out);
    }

    /**
     * Splits the selected rows into the regions above the contour joined by passing segments between neighbours,
     * taking the links up to the smallest k that connects all the rows geometrically (at most the neighbours
     * {@link KnnClustering} lists at first).
     *
     * @return a label per row, numbered by first appearance
     */
    static int[] split(Problem problem, double[] unit, int[] rows, int dim, double logLStar, long[] calls) {
        int n = rows.length;
        if (n <= FRAGMENT_NEIGHBOURS + 1) {
            return new int[n];
        }
        int listed = Math.min(n - 1, KnnClustering.INITIAL_NEIGHBOURS);
        long[][] neighbours = KnnClustering.nearestNeighbours(unit, rows, dim, listed);
        int[] count = KnnClustering.componentCounts(neighbours, n, listed);
        int kOne = listed;
        for (int k = 1; k <= listed; k++) {
            if (count[k] == 1) {
                kOne = k;
                break;
            }
        }
        int[] parent = KnnClustering.identity(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FRAGMENT_NEIGHBOURS; j++) {
                KnnClustering.union(parent, i, KnnClustering.neighbourIndex(neighbours[i][j]));
            }
        }
        // Links beyond the fragments' own, shortest first: (packed distance with the neighbour's index, from row).
        int nLinks = n * Math.max(0, kOne - FRAGMENT_NEIGHBOURS);
        long[][] links = new long[nLinks][];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = FRAGMENT_NEIGHBOURS; j < kOne; j++) {
                links[m++] = new long[] {neighbours[i][j], i};
            }
        }
        Arrays.sort(links, 0, m, (x, y) -> Long.compare(x[0], y[0]));
        Set<Long> failed = new HashSet<>();
        double[] a = new double[dim];
        double[] b = new double[dim];
        double[] u = new double[dim];
        double[] theta = new double[dim];
        for (int e = 0; e < m; e++) {
            int i = (int) links[e][1];
            int j = KnnClustering.neighbourIndex(links[e][0]);
            int ri = KnnClustering.find(parent, i);
            int rj = KnnClustering.find(parent, j);
            if (ri == rj) {
                continue;
            }
            long pair = (long) Math.min(ri, rj) * n + Math.max(ri, rj);
            if (failed.contains(pair)) {
                continue;
            }
            System.arraycopy(unit, rows[i] * dim, a, 0, dim);
            System.arraycopy(unit, rows[j] * dim, b, 0, dim);
            if (ModeMerging.lowestAlong(problem, a, b, logLStar, u, theta, calls) >= logLStar) {
                KnnClustering.union(parent, ri, rj);
            } else {
                failed.add(pair);
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = KnnClustering.find(parent, i);
        }
        return KnnClustering.relabel(labels);
    }
}
