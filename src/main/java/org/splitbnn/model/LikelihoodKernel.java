package org.splitbnn.model;

import java.util.Arrays;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.VectorModule;

/**
 * The arithmetic of {@link FastLogLikelihood}: a fixed sequence of passes over the rows, each done one row at a time
 * by {@link ScalarLikelihoodKernel} or several rows per instruction by {@link VectorLikelihoodKernel}, with the same
 * operations in the same order per row, so that both give the same bits.
 *
 * <p>Per row, with a hidden unit's denominator {@code d_j = 1 + FastExp.exp(fma(-w1j, x1, fma(-w2j, x2, ...
 * fma(-wDj, xD, -b1_j))))} (the reciprocal of its output; the inputs taken from the last to the first), the logit is {@code z = b2 + sum over pairs (j, k) of fma(W2_j, d_k, W2_k * d_j) /
 * (d_j d_k)}, units taken in pairs in order with one division per pair; an odd last unit is paired with a unit of
 * output weight 0 and denominator 1 (which adds exactly {@code W2_j / d_j}). The row's log-likelihood {@code y z -
 * softplus(z)} is {@code -max(t, 0) - log(factor)} with {@code t = (1 - 2y) z} and {@code factor = 1 +
 * FastExp.exp(-|z|)} in (1, 2]. The parts, each taken as {@code t + |t|} (exactly twice {@code max(t, 0)}), are summed
 * and the factors multiplied in {@value #ACCUMULATORS} accumulators, row r into accumulator r mod {@value
 * #ACCUMULATORS} in increasing order of rows, combined pairwise ({@code ((a0 . a1) . (a2 . a3)) . ((a4 . a5) . (a6 .
 * a7))}), one logarithm per {@value #ROWS_PER_LOGARITHM} rows (a product of at most 2^1000, which cannot overflow).
 * The order is fixed by the row index, not by the vector width.
 *
 * <p>When a bound computed from the parameters shows that every argument of a pass's exponentials lies within
 * {@link FastExp#LIMIT} (always so inside the prior box on the bundled data), the pass uses {@link
 * FastExp#expWithinLimit}, which gives the same bits as the clamped {@link FastExp#exp} there; the scalar kernel, the
 * reference, always clamps.
 *
 * <p>The data are copied and padded to a multiple of {@value #ACCUMULATORS} rows with rows at the origin whose part is
 * exactly 0 (label sign 0) and whose factor is exactly 1 ({@code fma(exp(-|z|), 0, 1)}: each row's factor is {@code
 * fma(exp(-|z|), dataRow, 1)} with {@code dataRow} 1 on data rows, which is {@code exp(-|z|) + 1} there). Each pass
 * runs over all rows through scratch arrays, so that a compiled loop holds one exponential per vector of {@value
 * #ACCUMULATORS} rows (the JIT compiler stops inlining the Vector API beyond a few; the same goes for passes inlined
 * together). Holds scratch buffers: one thread at a time.
 */
abstract sealed class LikelihoodKernel permits ScalarLikelihoodKernel, VectorLikelihoodKernel {

    /** Accumulators of the sums and products over rows; a multiple of every vector width used. */
    static final int ACCUMULATORS = 8;
    /** Rows whose factors (each at most 2) are multiplied before taking a logarithm; a multiple of ACCUMULATORS. */
    static final int ROWS_PER_LOGARITHM = 1000;
    /**
     * The bound on an exponential's argument, computed from the parameters, up to which a pass skips the clamp:
     * {@link FastExp#LIMIT} less a margin far larger than the rounding of the bound and of the arguments.
     */
    static final double UNCLAMPED_BOUND = FastExp.LIMIT - 1;

    final NetworkShape shape;
    final int rows;
    final int paddedRows;
    /** The inputs, column by column: {@code x[i][row]} is input i + 1 of a row. */
    final double[][] x;
    /** 1 - 2y: the sign that turns y z - softplus(z) into -softplus(sign z); 0 on padding rows. */
    final double[] labelSign;
    /** 1 on data rows, 0 on padding rows: the weight of a row's exp(-|z|) in its factor. */
    final double[] dataRow;
    /** The largest |xi| over the rows, per input, for the bound on the hidden units' arguments. */
    final double[] maxAbsX;
    /** Scratch: minus the input weights of one hidden unit, input by input. */
    final double[] minusWeights;
    /** Scratch: the denominators of each hidden unit, row by row. */
    final double[][] denominators;
    /** Denominators 1 of the unit of output weight 0 that pairs an odd last unit. */
    final double[] ones;
    /** The first unit of the last pair of hidden units. */
    final int lastPair;
    /** The denominators of the last pair's second unit: {@link #ones} for the unit that pairs an odd last unit. */
    final double[] lastPairDenominators;
    /** Scratch: the logit z without the last pair, row by row. */
    final double[] logit;
    /** Accumulators of the parts t + |t| (each twice max(t, 0)). */
    final double[] sumOfParts = new double[ACCUMULATORS];
    /** Accumulators of the factors 1 + exp(-|z|) (exactly 1 on padding rows). */
    final double[] productOfFactors = new double[ACCUMULATORS];

    LikelihoodKernel(Dataset data, NetworkShape shape) {
        if (data.inputs() != shape.inputs()) {
            throw new IllegalArgumentException("dataset " + data.name() + " has " + data.inputs() + " inputs, a "
                    + shape.label() + " network takes " + shape.inputs());
        }
        this.shape = shape;
        this.rows = data.size();
        this.paddedRows = (rows + ACCUMULATORS - 1) / ACCUMULATORS * ACCUMULATORS;
        this.x = new double[shape.inputs()][paddedRows];
        this.maxAbsX = new double[shape.inputs()];
        this.minusWeights = new double[shape.inputs()];
        this.labelSign = new double[paddedRows];
        this.dataRow = new double[paddedRows];
        for (int row = 0; row < rows; row++) {
            for (int input = 0; input < x.length; input++) {
                x[input][row] = data.x(input, row);
                maxAbsX[input] = Math.max(maxAbsX[input], Math.abs(x[input][row]));
            }
            labelSign[row] = 1 - 2 * data.y(row);
            dataRow[row] = 1;
        }
        this.denominators = new double[shape.hidden()][paddedRows];
        this.logit = new double[paddedRows];
        this.ones = new double[paddedRows];
        Arrays.fill(ones, 1.0);
        this.lastPair = shape.hidden() % 2 == 0 ? shape.hidden() - 2 : shape.hidden() - 1;
        this.lastPairDenominators = lastPair + 1 == shape.hidden() ? ones : denominators[lastPair + 1];
    }

    /**
     * The fastest kernel this JVM offers: {@link VectorLikelihoodKernel} when the Vector API module is present and
     * the hardware has vectors of at least two doubles, {@link ScalarLikelihoodKernel} otherwise. Both give the same
     * bits.
     */
    static LikelihoodKernel of(Dataset data, NetworkShape shape) {
        return VectorModule.present() && VectorLikelihoodKernel.lanes() >= 2
                ? new VectorLikelihoodKernel(data, shape)
                : new ScalarLikelihoodKernel(data, shape);
    }

    /** The log-likelihood of {@code theta}, whose length the caller has checked. */
    final double logLikelihood(double[] theta) {
        boolean logitsWithinLimit = logitsBeforeLastPair(theta) <= UNCLAMPED_BOUND;
        double lastPairWeight = lastPairWeight(theta);
        double twicePositiveParts = 0;
        double logOfFactors = 0;
        for (int from = 0; from < paddedRows; from += ROWS_PER_LOGARITHM) {
            int to = Math.min(paddedRows, from + ROWS_PER_LOGARITHM);
            Arrays.fill(sumOfParts, 0.0);
            Arrays.fill(productOfFactors, 1.0);
            accumulateAfterPair(theta[shape.outputWeight(lastPair)], denominators[lastPair], lastPairWeight,
                    lastPairDenominators, from, to, logitsWithinLimit);
            double[] s = sumOfParts;
            double[] p = productOfFactors;
            twicePositiveParts += ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
            logOfFactors += Math.log(((p[0] * p[1]) * (p[2] * p[3])) * ((p[4] * p[5]) * (p[6] * p[7])));
        }
        return -0.5 * twicePositiveParts - logOfFactors;
    }

    /**
     * The logit z of every row of {@code theta} (whose length the caller has checked): the first {@link #rows}
     * entries of a scratch array, valid until the next call. Each z has the bits the log-likelihood uses.
     */
    final double[] logits(double[] theta) {
        logitsBeforeLastPair(theta);
        addPair(theta[shape.outputWeight(lastPair)], denominators[lastPair], lastPairWeight(theta),
                lastPairDenominators);
        return logit;
    }

    /**
     * Fills every hidden unit's denominators and {@link #logit} with the output bias plus every pair of units but
     * the last; returns a bound on |z|.
     */
    private double logitsBeforeLastPair(double[] theta) {
        int hidden = shape.hidden();
        double logitBound = Math.abs(theta[shape.outputBias()]);
        for (int unit = 0; unit < hidden; unit++) {
            double bound = 0;
            for (int input = 0; input < minusWeights.length; input++) {
                double weight = theta[shape.inputWeight(input, unit)];
                minusWeights[input] = -weight;
                bound += Math.abs(weight) * maxAbsX[input];
            }
            double bias = theta[shape.hiddenBias(unit)];
            bound += Math.abs(bias);
            fillDenominators(minusWeights, -bias, denominators[unit], bound <= UNCLAMPED_BOUND);
            logitBound += Math.abs(theta[shape.outputWeight(unit)]);
        }
        Arrays.fill(logit, theta[shape.outputBias()]);
        for (int unit = 0; unit < lastPair; unit += 2) {
            addPair(theta[shape.outputWeight(unit)], denominators[unit], theta[shape.outputWeight(unit + 1)],
                    denominators[unit + 1]);
        }
        return logitBound;
    }

    /** The output weight of the last pair's second unit: 0 for the unit that pairs an odd last unit. */
    private double lastPairWeight(double[] theta) {
        return lastPair + 1 == shape.hidden() ? 0.0 : theta[shape.outputWeight(lastPair + 1)];
    }

    /**
     * denominator = FastExp.exp(fma(-w1, x1, fma(-w2, x2, ... fma(-wD, xD, -bias)))) + 1 (the exponent is minus the
     * activation, its terms added from the last input to the first); {@code withinLimit} promises that every
     * exponent lies within {@link FastExp#LIMIT}.
     */
    abstract void fillDenominators(double[] minusWeights, double minusBias, double[] denominator,
            boolean withinLimit);

    /** logit += fma(weightD, e, weightE * d) / (d * e). */
    abstract void addPair(double weightD, double[] d, double weightE, double[] e);

    /**
     * For rows [from, to): z = logit + fma(weightD, e, weightE * d) / (d * e), then accumulates the row's part
     * labelSign * z + |labelSign * z| and factor fma(FastExp.exp(-|z|), dataRow, 1); {@code withinLimit} promises
     * that every |z| lies within {@link FastExp#LIMIT}.
     */
    abstract void accumulateAfterPair(double weightD, double[] d, double weightE, double[] e, int from, int to,
            boolean withinLimit);
}
