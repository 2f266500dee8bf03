package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * {@link LikelihoodKernel} one row at a time in plain Java: the reference for {@link VectorLikelihoodKernel} and the
 * fallback where the Vector API is not available.
 */
final class ScalarLikelihoodKernel extends LikelihoodKernel {

    ScalarLikelihoodKernel(Dataset data, NetworkShape shape) {
        super(data, shape);
    }

    @Override
    void fillDenominators(double w1, double w2, double bias, double[] denominator) {
        for (int row = 0; row < paddedRows; row++) {
            denominator[row] = FastExp.exp(Math.fma(-w1, x1[row], Math.fma(-w2, x2[row], -bias))) + 1.0;
        }
    }

    @Override
    void addPair(double weightD, double[] d, double weightE, double[] e) {
        for (int row = 0; row < paddedRows; row++) {
            logit[row] += Math.fma(weightD, e[row], weightE * d[row]) / (d[row] * e[row]);
        }
    }

    @Override
    void accumulateAfterPair(double weightD, double[] d, double weightE, double[] e, int from, int to) {
        for (int row = from; row < to; row++) {
            double z = logit[row] + Math.fma(weightD, e[row], weightE * d[row]) / (d[row] * e[row]);
            int accumulator = row % ACCUMULATORS;
            productOfFactors[accumulator] *= FastExp.exp(-Math.abs(z)) + 1.0;
            sumOfParts[accumulator] += Math.max(labelSign[row] * z, 0.0);
        }
    }
}
