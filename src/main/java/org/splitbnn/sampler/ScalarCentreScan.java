package org.splitbnn.sampler;

/** {@link CentreScan} one centre at a time: the reference the vector kernel matches. */
final class ScalarCentreScan extends CentreScan {

    ScalarCentreScan(double[] centres, int n, int dim) {
        super(centres, n, dim);
    }

    @Override
    boolean anyWithin(double[] v, double radius2) {
        for (int k = 0; k < n; k++) {
            if (distance2(v, k) <= radius2) {
                return true;
            }
        }
        return false;
    }

    @Override
    int countWithin(double[] v, double radius2) {
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (distance2(v, k) <= radius2) {
                count++;
            }
        }
        return count;
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
