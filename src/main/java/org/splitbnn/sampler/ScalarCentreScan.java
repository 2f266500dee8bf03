package org.splitbnn.sampler;

/** {@link CentreScan} one centre at a time: the reference the vector kernel matches. */
final class ScalarCentreScan extends CentreScan {

    ScalarCentreScan(double[] centres, int n, int dim) {
        super(centres, n, dim);
    }

    @Override
    boolean anyWithin(double[] v, double radius2, int limit) {
        for (int k = 0; k < limit; k++) {
            if (distance2(v, k) <= radius2) {
                return true;
            }
        }
        return false;
    }

    @Override
    double nearest2(double[] v) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            nearest = Math.min(nearest, distance2(v, k));
        }
        return nearest;
    }

    @Override
    void distances2(double[] v, double[] out) {
        for (int k = 0; k < n; k++) {
            out[k] = distance2(v, k);
        }
    }

    private double distance2(double[] v, int k) {
        double d2 = 0;
        for (int i = 0; i < dim; i++) {
            double d = columns[i * stride + k] - v[i];
            d2 += d * d;
        }
        return d2;
    }
}
