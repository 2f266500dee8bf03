package org.splitbnn.model;

import java.util.Arrays;
import org.splitbnn.data.Dataset;

/**
 * The arithmetic of {@link FastLogLikelihood}: a fixed sequence of passes over the rows, each done one row at a time
 * by {@link ScalarLikelihoodKernel} or several rows per instruction by {@link VectorLikelihoodKernel}, with the same
 * operations in the same order per row, so that both give the same bits.
 *
 * <p>Per row, with a hidden unit's denominator {@code d_j = 1 + FastExp.exp(fma(-w1j, x1, fma(-w2j, x2, -b1_j)))}
 * (the reciprocal of its output), the logit is {@code z = b2 + sum over pairs (j, k) of fma(W2_j, d_k, W2_k * d_j) /
 * (d_j d_k)}, units taken in pairs in order with one division per pair; an odd last unit is paired with a unit of
 * output weight 0 and denominator 1 (which adds exactly {@code W2_j / d_j}). The row's log-likelihood {@code y z - softplus(z)} is {@code -max(t, 0) - log(factor)} with {@code t = (1 -
 * 2y) z} and {@code factor = 1 + FastExp.exp(-|z|)} in (1, 2]. The parts {@code max(t, 0)} are summed and the
 * factors multiplied in {@value #ACCUMULATORS} accumulators, row r into accumulator r mod {@value #ACCUMULATORS} in
 * increasing order of rows, combined pairwise ({@code ((a0 . a1) . (a2 . a3)) . ((a4 . a5) . (a6 . a7))}), one
 * logarithm per {@value #ROWS_PER_LOGARITHM} rows (a product of at most 2^1000, which cannot overflow). The order is
 * fixed by the row index, not by the vector width.
 *
 * <p>The data are copied and padded to a multiple of {@value #ACCUMULATORS} rows with rows whose part is exactly 0
 * and factor exactly 1 (label sign 0 and logit {@value #PADDING_LOGIT}, whose factor 1 + e<sup>-40</sup> rounds to
 * 1). Each pass runs over all rows through scratch arrays, so that no compiled loop holds more than
 * one exponential (the JIT compiler stops inlining the Vector API beyond that). Holds scratch buffers: one thread at a
 * time.
 */
abstract sealed class LikelihoodKernel permits ScalarLikelihoodKernel, VectorLikelihoodKernel {

    /** The module that provides the Vector API; without it (not added to the JVM) the scalar kernel is used. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** Accumulators of the sums and products over rows; a multiple of every vector width used. */
    static final int ACCUMULATORS = 8;
    /** Rows whose factors (each at most 2) are multiplied before taking a logarithm; a multiple of ACCUMULATORS. */
    static final int ROWS_PER_LOGARITHM = 1000;
    /** The logit of padding rows: finite, and large enough that its factor rounds to exactly 1. */
    static final double PADDING_LOGIT = 1e300;

    final NetworkShape shape;
    final int rows;
    final int paddedRows;
    final double[] x1;
    final double[] x2;
    /** 1 - 2y: the sign that turns y z - softplus(z) into -softplus(sign z); 0 on padding rows. */
    final double[] labelSign;
    /** Scratch: the denominators of each hidden unit, row by row. */
    final double[][] denominators;
    /** Denominators 1 of the unit of output weight 0 that pairs an odd last unit. */
    final double[] ones;
    /** Scratch: the logit z without the last pair, row by row. */
    final double[] logit;
    /** Accumulators of the parts max(t, 0). */
    final double[] sumOfParts = new double[ACCUMULATORS];
    /** Accumulators of the factors 1 + exp(-|z|). */
    final double[] productOfFactors = new double[ACCUMULATORS];

    LikelihoodKernel(Dataset data, NetworkShape shape) {
        this.shape = shape;
        this.rows = data.size();
        this.paddedRows = (rows + ACCUMULATORS - 1) / ACCUMULATORS * ACCUMULATORS;
        this.x1 = new double[paddedRows];
        this.x2 = new double[paddedRows];
        this.labelSign = new double[paddedRows];
        for (int row = 0; row < rows; row++) {
            x1[row] = data.x1(row);
            x2[row] = data.x2(row);
            labelSign[row] = 1 - 2 * data.y(row);
        }
        this.denominators = new double[shape.hidden()][paddedRows];
        this.logit = new double[paddedRows];
        this.ones = new double[paddedRows];
        Arrays.fill(ones, 1.0);
    }

    /**
     * The fastest kernel this JVM offers: {@link VectorLikelihoodKernel} when the Vector API module is present and
     * the hardware has vectors of at least two doubles, {@link ScalarLikelihoodKernel} otherwise. Both give the same
     * bits.
     */
    static LikelihoodKernel of(Dataset data, NetworkShape shape) {
        boolean vectorModule = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        return vectorModule && VectorLikelihoodKernel.lanes() >= 2
                ? new VectorLikelihoodKernel(data, shape)
                : new ScalarLikelihoodKernel(data, shape);
    }

    /** The log-likelihood of {@code theta}, whose length the caller has checked. */
    final double logLikelihood(double[] theta) {
        int hidden = shape.hidden();
        for (int unit = 0; unit < hidden; unit++) {
            fillDenominators(theta[shape.inputWeight(0, unit)], theta[shape.inputWeight(1, unit)],
                    theta[shape.hiddenBias(unit)], denominators[unit]);
        }
        Arrays.fill(logit, 0, rows, theta[shape.outputBias()]);
        Arrays.fill(logit, rows, paddedRows, PADDING_LOGIT);
        int last = hidden % 2 == 0 ? hidden - 2 : hidden - 1;
        for (int unit = 0; unit < last; unit += 2) {
            addPair(theta[shape.outputWeight(unit)], denominators[unit], theta[shape.outputWeight(unit + 1)],
                    denominators[unit + 1]);
        }
        double positiveParts = 0;
        double logOfFactors = 0;
        for (int from = 0; from < paddedRows; from += ROWS_PER_LOGARITHM) {
            int to = Math.min(paddedRows, from + ROWS_PER_LOGARITHM);
            Arrays.fill(sumOfParts, 0.0);
            Arrays.fill(productOfFactors, 1.0);
            if (last + 1 < hidden) {
                accumulateAfterPair(theta[shape.outputWeight(last)], denominators[last],
                        theta[shape.outputWeight(last + 1)], denominators[last + 1], from, to);
            } else {
                accumulateAfterPair(theta[shape.outputWeight(last)], denominators[last], 0.0, ones, from, to);
            }
            double[] s = sumOfParts;
            double[] p = productOfFactors;
            positiveParts += ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
            logOfFactors += Math.log(((p[0] * p[1]) * (p[2] * p[3])) * ((p[4] * p[5]) * (p[6] * p[7])));
        }
        return -positiveParts - logOfFactors;
    }

    /** denominator = FastExp.exp(fma(-w1, x1, fma(-w2, x2, -bias))) + 1 (the exponent is minus the activation). */
    abstract void fillDenominators(double w1, double w2, double bias, double[] denominator);

    /** logit += fma(weightD, e, weightE * d) / (d * e). */
    abstract void addPair(double weightD, double[] d, double weightE, double[] e);

    /**
     * For rows [from, to): z = logit + fma(weightD, e, weightE * d) / (d * e), then accumulates the row's part
     * max(labelSign * z, 0) and factor FastExp.exp(-|z|) + 1.
     */
    abstract void accumulateAfterPair(double weightD, double[] d, double weightE, double[] e, int from, int to);
}
