package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * The per-row terms of the Bernoulli log-likelihood of a 2-N-1 network, {@code y z - softplus(z) = -max(t, 0) -
 * log(factor)} with {@code t = (1 - 2y) z} and {@code factor = 1 + exp(-|z|)}, computed row by row with no sums
 * across rows, so that every row's terms have the same bits however many rows are computed at once.
 *
 * <p>Per row, with a hidden unit's denominator {@code d_j = 1 + FastExp.exp(-(fma(w1j, x1, fma(w2j, x2, b1_j)))},
 * the logit is {@code z = b2 + sum over pairs (j, k) of fma(W2_j, d_k, W2_k * d_j) / (d_j d_k)} (units taken in
 * pairs in order, one division per pair; an odd last unit adds {@code W2_j / d_j}), then {@code factor = 1 +
 * FastExp.exp(-|z|)} and {@code positivePart = max(t, 0)}. {@link ScalarRowTerms} does this one row at a time and
 * {@link VectorRowTerms} several rows per instruction in the same order of operations, so both give the same bits.
 *
 * <p>The data are copied and padded with zero rows to a multiple of {@link #lanes()}; terms of padding rows are
 * computed but belong to no row.
 */
abstract sealed class RowTerms permits ScalarRowTerms, VectorRowTerms {

    /** The module that provides the Vector API; without it (not added to the JVM) the scalar terms are used. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    final NetworkShape shape;
    final int rows;
    final int paddedRows;
    final double[] x1;
    final double[] x2;
    /** 1 - 2y: the sign that turns y z - softplus(z) into -softplus(sign z). */
    final double[] labelSign;

    RowTerms(Dataset data, NetworkShape shape, int lanes) {
        this.shape = shape;
        this.rows = data.size();
        this.paddedRows = (rows + lanes - 1) / lanes * lanes;
        this.x1 = new double[paddedRows];
        this.x2 = new double[paddedRows];
        this.labelSign = new double[paddedRows];
        for (int row = 0; row < rows; row++) {
            x1[row] = data.x1(row);
            x2[row] = data.x2(row);
            labelSign[row] = 1 - 2 * data.y(row);
        }
    }

    /**
     * The fastest terms this JVM offers: {@link VectorRowTerms} at the preferred vector size when the Vector API
     * module is present and the hardware has vectors of at least two doubles, {@link ScalarRowTerms} otherwise.
     * Both give the same bits.
     */
    static RowTerms of(Dataset data, NetworkShape shape) {
        boolean vectorModule = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        return vectorModule && VectorRowTerms.hardwareLanes() >= 2
                ? VectorRowTerms.preferred(data, shape)
                : new ScalarRowTerms(data, shape);
    }

    /** Rows computed at once. */
    abstract int lanes();

    /**
     * Fills {@code factor[row]} and {@code positivePart[row]} for every row (arrays of at least {@code paddedRows}).
     */
    abstract void compute(double[] theta, double[] factor, double[] positivePart);
}
