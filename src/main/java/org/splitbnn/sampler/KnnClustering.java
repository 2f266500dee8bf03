package org.splitbnn.sampler;

import java.util.Arrays;

/**
 * Recursive k-nearest-neighbour clustering of points: two points are linked when one is among the other's k nearest
 * neighbours, and the clusters are the connected components. k grows from 2 until the partition is stable (widening
 * the neighbourhoods by half merges nothing more); each cluster found is then clustered again on its own, so that structure on smaller scales
 * is found too.
 */
public final class KnnClustering {

    private KnnClustering() {
    }

    /**
     * Clusters the selected rows of a point array.
     *
     * @param points row-major points, {@code dim} coordinates each
     * @param rows   which rows to cluster
     * @param dim    dimension
     * @return a label 0..k-1 per selected row, in the order of {@code rows}; labels are numbered by first appearance
     */
    public static int[] cluster(double[] points, int[] rows, int dim) {
        int n = rows.length;
        int[] labels = new int[n];
        if (n < 4) {
            return labels;
        }
        int[] top = components(points, rows, dim);
        int nTop = count(top);
        if (nTop == 1) {
            return labels;
        }
        int next = 0;
        for (int c = 0; c < nTop; c++) {
            int[] members = membersOf(top, c);
            int[] sub = new int[members.length];
            for (int i = 0; i < members.length; i++) {
                sub[i] = rows[members[i]];
            }
            int[] subLabels = cluster(points, sub, dim);
            for (int i = 0; i < members.length; i++) {
                labels[members[i]] = next + subLabels[i];
            }
            next += count(subLabels);
        }
        return relabel(labels);
    }

    /** Neighbours listed per point at first; the list is widened only when k must grow past it. */
    private static final int INITIAL_NEIGHBOURS = 32;

    /**
     * One level: the k-nearest-neighbour partition for the smallest k whose partition survives widening the
     * neighbourhoods by half (k to ceil(1.5 k)). Linking more neighbours only merges components, so equal counts at
     * both ends mean the partition holds over the whole range: a group of points is a cluster only if it stays apart
     * while its neighbourhoods grow. (Stability from k to k + 1 alone splits uniform blobs by chance; k to 2k misses
     * small modes beside large ones.)
     */
    private static int[] components(double[] points, int[] rows, int dim) {
        int n = rows.length;
        for (int listed = Math.min(n - 1, INITIAL_NEIGHBOURS); ; listed = Math.min(n - 1, 4 * listed)) {
            long[][] neighbours = nearestNeighbours(points, rows, dim, listed);
            int[] count = componentCounts(neighbours, n, listed);
            int chosen = stableK(count, listed, listed == n - 1);
            if (chosen > 0) {
                return partition(neighbours, n, chosen);
            }
        }
    }

    /** Number of components after linking each point to its first k neighbours, for k = 1..listed (0 beyond 1). */
    private static int[] componentCounts(long[][] neighbours, int n, int listed) {
        int[] parent = identity(n);
        int[] count = new int[listed + 1];
        int components = n;
        for (int k = 1; k <= listed; k++) {
            for (int i = 0; i < n; i++) {
                components -= union(parent, i, neighbourIndex(neighbours[i][k - 1]));
            }
            count[k] = components;
            if (components == 1) {
                break;
            }
        }
        return count;
    }

    /**
     * The smallest k whose component count equals that at ceil(1.5 k), or 0 when that cannot be decided from the
     * neighbours listed (the caller lists more). When every neighbour is listed the answer always exists.
     */
    private static int stableK(int[] count, int listed, boolean complete) {
        int kOne = listed;
        for (int k = 1; k <= listed; k++) {
            if (count[k] == 1) {
                kOne = k;
                break;
            }
        }
        boolean reachedOne = count[kOne] == 1;
        for (int k = 2; k < kOne; k++) {
            int wider = Math.max(k + 1, (k * 3 + 1) / 2);
            if (wider >= kOne && !reachedOne) {
                return complete ? kOne : 0;
            }
            if (count[k] == (wider >= kOne ? 1 : count[wider])) {
                return k;
            }
        }
        return reachedOne || complete ? kOne : 0;
    }

    private static int[] partition(long[][] neighbours, int n, int k) {
        int[] parent = identity(n);
        for (int j = 1; j <= k; j++) {
            for (int i = 0; i < n; i++) {
                union(parent, i, neighbourIndex(neighbours[i][j - 1]));
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = find(parent, i);
        }
        return relabel(labels);
    }

    private static int[] identity(int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        return parent;
    }

    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /**
     * For each row, its {@code listed} nearest other rows in order of distance, each packed as a long: the squared
     * distance's bits (which order like the distances, being non-negative) with the lowest bits replaced by the
     * neighbour's index.
     */
    private static long[][] nearestNeighbours(double[] points, int[] rows, int dim, int listed) {
        int n = rows.length;
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("too many points to cluster: " + n);
        }
        double[] rowMajor = new double[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, rows[i] * dim, rowMajor, i * dim, dim);
        }
        CentreScan scan = CentreScan.of(rowMajor, n, dim);
        double[] v = new double[dim];
        double[] d2 = new double[scan.stride];
        long[][] out = new long[n][];
        long[] row = new long[n - 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * dim, v, 0, dim);
            scan.distances2(v, d2);
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    row[m++] = (Double.doubleToRawLongBits(d2[j]) & ~INDEX_MASK) | j;
                }
            }
            if (listed < n - 1) {
                selectSmallest(row, listed);
            }
            out[i] = Arrays.copyOf(row, listed);
            Arrays.sort(out[i]);
        }
        return out;
    }

    /** Moves the k smallest values of a (distinct values) to its front, in no particular order (quickselect). */
    static void selectSmallest(long[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            long pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k - 1 <= j) {
                hi = j;
            } else if (k - 1 >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static int neighbourIndex(long packed) {
        return (int) (packed & INDEX_MASK);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static int union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return 0;
        }
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
        return 1;
    }

    private static int[] relabel(int[] labels) {
        int[] map = new int[labels.length + 1];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = next++;
            }
            out[i] = map[labels[i]];
        }
        return out;
    }

    private static int count(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    private static int[] membersOf(int[] labels, int c) {
        int size = 0;
        for (int l : labels) {
            if (l == c) {
                size++;
            }
        }
        int[] members = new int[size];
        int m = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c) {
                members[m++] = i;
            }
        }
        return members;
    }
}
