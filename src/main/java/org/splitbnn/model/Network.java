package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * One D-N-1 network with fixed parameters: its predicted class probability and its Bernoulli log-likelihood on a
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

    /**
     * The output logit z at the input {@code x} (one value per input). Each hidden unit's activation is summed in
     * input order, {@code ((w1j x1 + w2j x2) + ...) + b1_j}.
     */
    public double logit(double... x) {
        if (x.length != shape.inputs()) {
            throw new IllegalArgumentException("a " + shape.label() + " network takes " + shape.inputs()
                    + " inputs, got " + x.length);
        }
        double z = theta[shape.outputBias()];
        for (int unit = 0; unit < shape.hidden(); unit++) {
            z += theta[shape.outputWeight(unit)] * sigmoid(activation(unit, x));
        }
        return z;
    }

    /** The activation of hidden unit {@code unit} at input {@code x}: its weighted inputs summed in order, plus bias. */
    private double activation(int unit, double[] x) {
        double a = theta[shape.inputWeight(0, unit)] * x[0];
        for (int input = 1; input < x.length; input++) {
            a += theta[shape.inputWeight(input, unit)] * x[input];
        }
        return a + theta[shape.hiddenBias(unit)];
    }

    /** The predicted probability p(y = 1 | x) at the input {@code x} (one value per input). */
    public double probability(double... x) {
        return sigmoid(logit(x));
    }

    /**
     * The predicted probability p(y = 1 | x) at each point of a set given column by column: point k is
     * ({@code columns[0][k]}, ..., {@code columns[D-1][k]}), e.g. a plotting grid or a dataset's inputs.
     */
    public double[] probabilities(double[]... columns) {
        if (columns.length != shape.inputs()) {
            throw new IllegalArgumentException("a " + shape.label() + " network takes " + shape.inputs()
                    + " input columns, got " + columns.length);
        }
        for (double[] column : columns) {
            if (column.length != columns[0].length) {
                throw new IllegalArgumentException("input columns' lengths differ: " + column.length + " and "
                        + columns[0].length);
            }
        }
        double[] p = new double[columns[0].length];
        double[] x = new double[columns.length];
        for (int k = 0; k < p.length; k++) {
            for (int input = 0; input < x.length; input++) {
                x[input] = columns[input][k];
            }
            p[k] = probability(x);
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
        double[] x = new double[data.inputs()];
        for (int input = 0; input < x.length; input++) {
            x[input] = data.x(input, row);
        }
        double z = logit(x);
        return data.y(row) * z - softplus(z);
    }

    static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }

    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
