package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * The Bernoulli log-likelihood of a D-N-1 network on one dataset, fast enough for a nested sampler's inner loop
 * (see {@code jobs/bench-likelihood} and the README's Benchmarks for the measured time per call), with the same
 * bits on every machine.
 *
 * <p>It computes the same quantity as {@link Network#logLikelihood(Dataset)}, {@code sum_n [y_n z_n -
 * softplus(z_n)]}, agreeing with it to better than 1e-12 relative for parameters in the prior box, with exponentials
 * from {@link FastExp} and one logarithm per thousand rows. {@link LikelihoodKernel} says how: several rows per
 * instruction through the Vector API where the JVM has it ({@code --add-modules jdk.incubator.vector}), one at a
 * time otherwise, the same bits either way and at every vector width. The result is finite for every parameter
 * vector whose entries are below 1e250 in magnitude.
 *
 * <p>Holds scratch buffers: use one instance from one thread at a time. Construction copies the data (cheap).
 */
public final class FastLogLikelihood {

    private final NetworkShape shape;
    private final LikelihoodKernel kernel;

    /** The log-likelihood of networks of the given shape on {@code data}. */
    public FastLogLikelihood(Dataset data, NetworkShape shape) {
        this(LikelihoodKernel.of(data, shape));
    }

    /** The log-likelihood computed by the given kernel (tests and the benchmark compare the kernels). */
    FastLogLikelihood(LikelihoodKernel kernel) {
        this.shape = kernel.shape;
        this.kernel = kernel;
    }

    /** The network's shape. */
    public NetworkShape shape() {
        return shape;
    }

    /** The log-likelihood of parameters {@code theta} (order as in {@link NetworkShape}). */
    public double logLikelihood(double[] theta) {
        shape.checkParameters(theta);
        return kernel.logLikelihood(theta);
    }

    /** Number of rows of the dataset. */
    public int rows() {
        return kernel.rows;
    }

    /**
     * Each row's log-likelihood {@code y z - softplus(z)} into {@code logL} and its likelihood (the probability the
     * network gives the row's label) into {@code likelihood}, in row order: with {@code t = (1 - 2y) z} and {@code e
     * = exp(-|t|)}, {@code -(max(t, 0) + log1p(e))} and {@code e / (1 + e)} or {@code 1 / (1 + e)} (t positive or
     * not). The logits are the kernel's; agrees with {@link Network#rowLogLikelihoods} to better than 1e-12 (relative;
     * absolute below 1, where the exact form cancels on confident rows).
     */
    public void rowLikelihoods(double[] theta, double[] logL, double[] likelihood) {
        shape.checkParameters(theta);
        double[] z = kernel.logits(theta);
        for (int row = 0; row < kernel.rows; row++) {
            double t = kernel.labelSign[row] * z[row];
            double e = Math.exp(-Math.abs(t));
            logL[row] = -(Math.max(t, 0) + Math.log1p(e));
            likelihood[row] = t > 0 ? e / (1 + e) : 1 / (1 + e);
        }
    }
}
