package org.splitbnn.sampler;

import java.util.Arrays;

/**
 * A run's live points, compact in rows {@code [0, count)}: unit-hypercube coordinates, physical parameters,
 * log-likelihood, birth contour and cluster id of each. Removing a point moves the last one into its row.
 */
final class LiveSet {

    private final int dim;
    private final double[] unit;
    private final double[] theta;
    private final double[] logL;
    private final double[] birth;
    private final int[] clusterOf;
    private final int[] scratchRows;
    private int count;

    /** An empty set with room for {@code capacity} points of dimension {@code dim}. */
    LiveSet(int capacity, int dim) {
        this.dim = dim;
        this.unit = new double[capacity * dim];
        this.theta = new double[capacity * dim];
        this.logL = new double[capacity];
        this.birth = new double[capacity];
        this.clusterOf = new int[capacity];
        this.scratchRows = new int[capacity];
    }

    int count() {
        return count;
    }

    int dimension() {
        return dim;
    }

    /** Unit coordinates, row-major; the first {@link #count()} rows are live. */
    double[] unit() {
        return unit;
    }

    /** Physical parameters, row-major; the first {@link #count()} rows are live. */
    double[] theta() {
        return theta;
    }

    double logL(int row) {
        return logL[row];
    }

    /** The contour the point of {@code row} was drawn above (negative infinity for a prior draw). */
    double birth(int row) {
        return birth[row];
    }

    int clusterOf(int row) {
        return clusterOf[row];
    }

    void moveToCluster(int row, int cluster) {
        clusterOf[row] = cluster;
    }

    /** Appends a point. */
    void add(double[] u, double[] t, double l, double birthContour, int cluster) {
        System.arraycopy(u, 0, unit, count * dim, dim);
        System.arraycopy(t, 0, theta, count * dim, dim);
        logL[count] = l;
        birth[count] = birthContour;
        clusterOf[count] = cluster;
        count++;
    }

    /** Removes the point of row i by moving the last point into its row. */
    void remove(int i) {
        int last = count - 1;
        if (i != last) {
            System.arraycopy(unit, last * dim, unit, i * dim, dim);
            System.arraycopy(theta, last * dim, theta, i * dim, dim);
            logL[i] = logL[last];
            birth[i] = birth[last];
            clusterOf[i] = clusterOf[last];
        }
        count--;
    }

    /** The row of the lowest log-likelihood (the first such row). */
    int lowest() {
        int worst = 0;
        double min = logL[0];
        for (int i = 1; i < count; i++) {
            if (logL[i] < min) {
                min = logL[i];
                worst = i;
            }
        }
        return worst;
    }

    double maxLogL() {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, logL[i]);
        }
        return max;
    }

    /** Log of the mean likelihood of all points. */
    double logMeanL() {
        return LogMath.logSumExp(logL, count) - Math.log(count);
    }

    /** Log of the mean likelihood of the {@code size} points of a cluster (it must hold some). */
    double logMeanL(int cluster, int size) {
        double[] members = new double[size];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (clusterOf[i] == cluster) {
                members[n++] = logL[i];
            }
        }
        return LogMath.logSumExp(members, n) - Math.log(n);
    }

    /** Rows of the points of a cluster, in row order. */
    int[] members(int cluster) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (clusterOf[i] == cluster) {
                scratchRows[n++] = i;
            }
        }
        return Arrays.copyOf(scratchRows, n);
    }

    /** The {@code k}-th row (from 0) of the points of a cluster, in row order; -1 when it has no more points. */
    int member(int cluster, int k) {
        for (int i = 0; i < count; i++) {
            if (clusterOf[i] == cluster && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The row whose unit coordinates are nearest {@code u}. */
    int nearest(double[] u) {
        return nearest(unit, u, 0, null, count);
    }

    /** Index into {@code rows} of the point whose physical parameters are nearest a point of {@code source}. */
    int nearestInTheta(double[] source, int offset, int[] rows) {
        return nearest(theta, source, offset, rows, rows.length);
    }

    /** Rows of every point, 0 to count - 1. */
    int[] rows() {
        int[] all = new int[count];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** Index i (below n) of the point nearest a point of source: row rows[i], or row i when rows is null. */
    private int nearest(double[] coordinates, double[] source, int offset, int[] rows, int n) {
        int best = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int off = (rows == null ? i : rows[i]) * dim;
            double d2 = 0;
            for (int j = 0; j < dim && d2 < bestD2; j++) {
                double d = coordinates[off + j] - source[offset + j];
                d2 += d * d;
            }
            if (d2 < bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }
}
