package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * One 2-N-1 network with fixed parameters: its predicted class probability and its Bernoulli log-likelihood on a
 * dataset, computed with the JDK's {@code Math.exp} and {@code Math.log1p} (accurate to a few ulp, not tuned for
 * speed; {@link FastLogLikelihood} is the fast path for sampling).
 *
 * <p>The log-likelihood of a row is {@code y z - softplus(z)} with {@code softplus(z) = max(z, 0) +
 * log1p(exp(-|z|))}, finite for every finite parameter vector. Immutable.
 */
public final class Network {

    private final NetworkShape shape;
    private final double[] theta;

    /** A network of the given shape with parameters {@code theta} (copied; order as in {@link NetworkShape}). */
    public Network(NetworkShape shape, double[] theta) {
        shape.checkParameters(theta);
        this.shape = shape;
        this.theta = theta.clone();
    }

    /** The network's shape. */
    public NetworkShape shape() {
        return shape;
    }

    /** The output logit z at input (x1, x2). */
    public double logit(double x1, double x2) {
        double z = theta[shape.outputBias()];
        for (int unit = 0; unit < shape.hidden(); unit++) {
            double activation = theta[shape.inputWeight(0, unit)] * x1 + theta[shape.inputWeight(1, unit)] * x2
                    + theta[shape.hiddenBias(unit)];
            z += theta[shape.outputWeight(unit)] * sigmoid(activation);
        }
        return z;
    }

    /** The predicted probability p(y = 1 | x1, x2). */
    public double probability(double x1, double x2) {
        return sigmoid(logit(x1, x2));
    }

    /** The predicted probability p(y = 1 | x) at each point (x1[k], x2[k]), e.g. of a plotting grid. */
    public double[] probabilities(double[] x1, double[] x2) {
        if (x1.length != x2.length) {
            throw new IllegalArgumentException("x1 and x2 lengths differ: " + x1.length + " and " + x2.length);
        }
        double[] p = new double[x1.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = probability(x1[k], x2[k]);
        }
        return p;
    }

    /**
     * The log-likelihood of each row of a dataset, in row order (the reference {@link FastLogLikelihood#rowLikelihoods}
     * is checked against).
     */
    public double[] rowLogLikelihoods(Dataset data) {
        double[] logL = new double[data.size()];
        for (int row = 0; row < logL.length; row++) {
            logL[row] = rowLogLikelihood(data, row);
        }
        return logL;
    }

    /** The log-likelihood of a dataset: the sum over its rows, in row order. */
    public double logLikelihood(Dataset data) {
        double sum = 0;
        for (int row = 0; row < data.size(); row++) {
            sum += rowLogLikelihood(data, row);
        }
        return sum;
    }

    /** The log-likelihood per row, {@link #logLikelihood(Dataset)} divided by the number of rows. */
    public double averageLogLikelihood(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset " + data.name() + " has no rows");
        }
        return logLikelihood(data) / data.size();
    }

    private double rowLogLikelihood(Dataset data, int row) {
        double z = logit(data.x1(row), data.x2(row));
        return data.y(row) * z - softplus(z);
    }

    static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }

    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
