package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * The Bernoulli log-likelihood of a 2-N-1 network on one dataset, fast enough for a nested sampler's inner loop
 * (see {@code jobs/bench-likelihood} and the README's Benchmarks for the measured time per call), with the same
 * bits on every machine.
 *
 * <p>It computes the same quantity as {@link Network#logLikelihood(Dataset)}, {@code sum_n [y_n z_n -
 * softplus(z_n)]}, agreeing with it to better than 1e-12 relative for parameters in the prior box. Per row it
 * writes the term as {@code -softplus(t)} with {@code t = (1 - 2y) z} and splits {@code softplus(t) = max(t, 0) +
 * log(1 + exp(-|z|))} (|t| = |z|); {@link RowTerms} computes both parts for all rows, several rows per instruction
 * where the Vector API is available. The factors {@code 1 + exp(-|z|)} lie in (1, 2], so their product over up to
 * {@value #ROWS_PER_LOGARITHM} rows cannot overflow and needs a single logarithm. The sums and products over rows
 * run in plain Java in a fixed order (eight accumulators, row r into accumulator r mod 8, combined pairwise), so the
 * result does not depend on the vector width. The result is finite for every parameter vector whose entries are
 * below 1e250 in magnitude.
 *
 * <p>Holds scratch buffers: use one instance from one thread at a time. Construction copies the data (cheap).
 */
public final class FastLogLikelihood {

    /** Rows whose factors (each at most 2) are multiplied before taking a logarithm; 2^1000 does not overflow. */
    static final int ROWS_PER_LOGARITHM = 1000;

    private final NetworkShape shape;
    private final int rows;
    private final RowTerms terms;
    private final double[] factor;
    private final double[] positivePart;

    /** The log-likelihood of networks of the given shape on {@code data}. */
    public FastLogLikelihood(Dataset data, NetworkShape shape) {
        this(RowTerms.of(data, shape));
    }

    /** The log-likelihood with the given per-row terms (tests compare the scalar and vector terms). */
    FastLogLikelihood(RowTerms terms) {
        this.shape = terms.shape;
        this.rows = terms.rows;
        this.terms = terms;
        this.factor = new double[terms.paddedRows];
        this.positivePart = new double[terms.paddedRows];
    }

    /** The network's shape. */
    public NetworkShape shape() {
        return shape;
    }

    /** The log-likelihood of parameters {@code theta} (order as in {@link NetworkShape}). */
    public double logLikelihood(double[] theta) {
        shape.checkParameters(theta);
        terms.compute(theta, factor, positivePart);
        return -sumOfPositiveParts() - logProductOfFactors();
    }

    /** Sum over rows of max(t, 0): eight accumulators, row r into accumulator r mod 8, combined pairwise. */
    private double sumOfPositiveParts() {
        double[] part = this.positivePart;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int row = 0;
        for (; row + 7 < rows; row += 8) {
            s0 += part[row];
            s1 += part[row + 1];
            s2 += part[row + 2];
            s3 += part[row + 3];
            s4 += part[row + 4];
            s5 += part[row + 5];
            s6 += part[row + 6];
            s7 += part[row + 7];
        }
        for (; row < rows; row++) {
            s0 += part[row];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Log of the product over rows of the factors, one logarithm per {@value #ROWS_PER_LOGARITHM} rows. */
    private double logProductOfFactors() {
        double sum = 0;
        for (int from = 0; from < rows; from += ROWS_PER_LOGARITHM) {
            sum += Math.log(productOfFactors(from, Math.min(rows, from + ROWS_PER_LOGARITHM)));
        }
        return sum;
    }

    /** Product of the factors of rows [from, to), at most 2^(to - from): eight accumulators as for the sum. */
    private double productOfFactors(int from, int to) {
        double[] factor = this.factor;
        double p0 = 1;
        double p1 = 1;
        double p2 = 1;
        double p3 = 1;
        double p4 = 1;
        double p5 = 1;
        double p6 = 1;
        double p7 = 1;
        int row = from;
        for (; row + 7 < to; row += 8) {
            p0 *= factor[row];
            p1 *= factor[row + 1];
            p2 *= factor[row + 2];
            p3 *= factor[row + 3];
            p4 *= factor[row + 4];
            p5 *= factor[row + 5];
            p6 *= factor[row + 6];
            p7 *= factor[row + 7];
        }
        for (; row < to; row++) {
            p0 *= factor[row];
        }
        return ((p0 * p1) * (p2 * p3)) * ((p4 * p5) * (p6 * p7));
    }
}
