package org.splitbnn.sampler;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Weighted points of a nested-sampling run, row-major: the physical parameters, the log-likelihood, the contour the
 * point was born on, its cluster, and its log posterior weight (normalised so that the weights of the points they
 * describe sum to one).
 *
 * @param dimension number of parameters per point
 * @param theta     physical parameters, {@code size() * dimension} values
 * @param logL      log-likelihood per point
 * @param logLBirth log-likelihood contour the point was born on (-infinity for prior draws)
 * @param cluster   cluster id per point
 * @param logWeight log posterior weight per point
 */
public record WeightedPoints(int dimension, double[] theta, double[] logL, double[] logLBirth, int[] cluster,
                             double[] logWeight) {

    /** Number of points. */
    public int size() {
        return logL.length;
    }

    /** Parameter {@code j} of point {@code i}. */
    public double theta(int i, int j) {
        return theta[i * dimension + j];
    }

    /** Posterior mean of each parameter. */
    public double[] mean() {
        double[] mean = new double[dimension];
        double total = 0;
        for (int i = 0; i < size(); i++) {
            double w = Math.exp(logWeight[i]);
            total += w;
            for (int j = 0; j < dimension; j++) {
                mean[j] += w * theta(i, j);
            }
        }
        for (int j = 0; j < dimension; j++) {
            mean[j] /= total;
        }
        return mean;
    }

    /** Posterior standard deviation of each parameter. */
    public double[] sd() {
        double[] mean = mean();
        double[] var = new double[dimension];
        double total = 0;
        for (int i = 0; i < size(); i++) {
            double w = Math.exp(logWeight[i]);
            total += w;
            for (int j = 0; j < dimension; j++) {
                double d = theta(i, j) - mean[j];
                var[j] += w * d * d;
            }
        }
        for (int j = 0; j < dimension; j++) {
            var[j] = Math.sqrt(var[j] / total);
        }
        return var;
    }

    /**
     * Draws equally weighted samples: {@code n} indices drawn with replacement in proportion to the weights.
     *
     * @return row indices into these points
     */
    public int[] resample(int n, long seed) {
        int size = size();
        if (size == 0) {
            throw new IllegalStateException("no points to resample");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logWeight) {
            max = Math.max(max, lw);
        }
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += Math.exp(logWeight[i] - max);
            cumulative[i] = sum;
        }
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            double u = rng.nextDouble() * sum;
            int idx = java.util.Arrays.binarySearch(cumulative, u);
            idx = idx >= 0 ? idx + 1 : -idx - 1;
            out[k] = Math.min(idx, size - 1);
        }
        return out;
    }

    /** Equally weighted samples as rows of parameters. */
    public double[][] equalWeightSamples(int n, long seed) {
        int[] idx = resample(n, seed);
        double[][] out = new double[n][dimension];
        for (int k = 0; k < n; k++) {
            System.arraycopy(theta, idx[k] * dimension, out[k], 0, dimension);
        }
        return out;
    }
}
