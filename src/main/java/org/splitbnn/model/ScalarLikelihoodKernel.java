package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * {@link LikelihoodKernel} one row at a time in plain Java: the reference for {@link VectorLikelihoodKernel} (it
 * always clamps the exponentials' arguments, so it also checks the vector kernel's unclamped passes) and the fallback
 * where the Vector API is not available.
 */
final class ScalarLikelihoodKernel extends LikelihoodKernel {

    ScalarLikelihoodKernel(Dataset data, NetworkShape shape) {
        super(data, shape);
    }

    @Override
    void fillDenominators(double[] minusWeights, double minusBias, double[] denominator, boolean withinLimit) {
        int last = minusWeights.length - 1;
        for (int row = 0; row < paddedRows; row++) {
            double minusActivation = minusBias;
            for (int input = last; input >= 0; input--) {
                minusActivation = Math.fma(minusWeights[input], x[input][row], minusActivation);
            }
            denominator[row] = FastExp.exp(minusActivation) + 1.0;
        }
    }

    @Override
    void addPair(double weightD, double[] d, double weightE, double[] e) {
        for (int row = 0; row < paddedRows; row++) {
            logit[row] += Math.fma(weightD, e[row], weightE * d[row]) / (d[row] * e[row]);
        }
    }

    @Override
    void accumulateAfterPair(double weightD, double[] d, double weightE, double[] e, int from, int to,
            boolean withinLimit) {
        for (int row = from; row < to; row++) {
            double z = logit[row] + Math.fma(weightD, e[row], weightE * d[row]) / (d[row] * e[row]);
            int accumulator = row % ACCUMULATORS;
            productOfFactors[accumulator] *= Math.fma(FastExp.exp(-Math.abs(z)), dataRow[row], 1.0);
            double t = labelSign[row] * z;
            sumOfParts[accumulator] += t + Math.abs(t);
        }
    }
}
