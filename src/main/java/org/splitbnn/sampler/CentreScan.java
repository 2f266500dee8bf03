package org.splitbnn.sampler;

import java.util.Arrays;

/**
 * Squared distances from a point to a fixed set of centres, the scan behind {@link BallUnion} (membership and its
 * bootstrapped radius) and {@link KnnClustering}'s neighbour lists, done one centre at a time by
 * {@link ScalarCentreScan} or several centres per instruction by {@link VectorCentreScan}. Each centre's squared
 * distance sums its coordinates' squared differences in coordinate order from 0 (no fused multiply-add), in either
 * kernel, so both give the same answers.
 *
 * <p>Centres are stored by coordinate (coordinate i of centre k at {@code i x stride + k}), padded to a multiple of
 * {@value #PADDING} with centres at infinity, which are within no distance.
 */
abstract sealed class CentreScan permits ScalarCentreScan, VectorCentreScan {

    /** Centres are padded to a multiple of this: a multiple of every vector width used. */
    static final int PADDING = 8;

    final int dim;
    final int n;
    final int stride;
    final double[] columns;

    CentreScan(double[] centres, int n, int dim) {
        this.dim = dim;
        this.n = n;
        this.stride = (n + PADDING - 1) / PADDING * PADDING;
        this.columns = new double[stride * dim];
        Arrays.fill(columns, Double.POSITIVE_INFINITY);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < dim; i++) {
                columns[i * stride + k] = centres[k * dim + i];
            }
        }
    }

    /**
     * The fastest scan this JVM offers over row-major centres: {@link VectorCentreScan} when the Vector API module is
     * present and the hardware has vectors of at least two doubles, {@link ScalarCentreScan} otherwise.
     */
    static CentreScan of(double[] centres, int n, int dim) {
        return VectorModule.present() && VectorCentreScan.lanes() >= 2
                ? new VectorCentreScan(centres, n, dim)
                : new ScalarCentreScan(centres, n, dim);
    }

    /** Coordinate i of centre k. */
    final double coordinate(int k, int i) {
        return columns[i * stride + k];
    }

    /** Whether some centre of index below {@code limit} lies within squared distance {@code radius2} of {@code v}. */
    abstract boolean anyWithin(double[] v, double radius2, int limit);

    /** The smallest squared distance from {@code v} to a centre. */
    abstract double nearest2(double[] v);

    /** The squared distance from {@code v} to each centre k into {@code out[k]} ({@code out} holds {@link #stride}). */
    abstract void distances2(double[] v, double[] out);
}
