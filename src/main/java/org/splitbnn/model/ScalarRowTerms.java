package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * {@link RowTerms} one row at a time in plain Java: the reference for {@link VectorRowTerms} and the fallback where
 * the Vector API is not available.
 */
final class ScalarRowTerms extends RowTerms {

    ScalarRowTerms(Dataset data, NetworkShape shape) {
        super(data, shape, 1);
    }

    @Override
    int lanes() {
        return 1;
    }

    @Override
    void compute(double[] theta, double[] factor, double[] positivePart) {
        int hidden = shape.hidden();
        double outputBias = theta[shape.outputBias()];
        for (int row = 0; row < paddedRows; row++) {
            double z = outputBias;
            int unit = 0;
            for (; unit + 1 < hidden; unit += 2) {
                double d = denominator(theta, unit, x1[row], x2[row]);
                double e = denominator(theta, unit + 1, x1[row], x2[row]);
                z += Math.fma(theta[shape.outputWeight(unit)], e, theta[shape.outputWeight(unit + 1)] * d) / (d * e);
            }
            if (unit < hidden) {
                z += theta[shape.outputWeight(unit)] / denominator(theta, unit, x1[row], x2[row]);
            }
            factor[row] = FastExp.exp(-Math.abs(z)) + 1.0;
            positivePart[row] = Math.max(labelSign[row] * z, 0.0);
        }
    }

    /** 1 + exp(-activation) of hidden unit {@code unit}: the reciprocal of its output. */
    private double denominator(double[] theta, int unit, double x1, double x2) {
        double activation = Math.fma(theta[shape.inputWeight(0, unit)], x1,
                Math.fma(theta[shape.inputWeight(1, unit)], x2, theta[shape.hiddenBias(unit)]));
        return FastExp.exp(-activation) + 1.0;
    }
}
