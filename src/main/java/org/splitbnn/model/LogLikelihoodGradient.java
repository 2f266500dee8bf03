package org.splitbnn.model;

import org.splitbnn.data.Dataset;

/**
 * The Bernoulli log-likelihood of a D-N-1 network on one dataset together with its gradient with respect to the
 * parameters, by backpropagation: with r = y - sigmoid(z) per row, d/d b2 = sum r, d/d W2_j = sum r h_j, and with
 * delta_j = r W2_j h_j (1 - h_j), d/d wij = sum delta_j xi, d/d b1_j = sum delta_j.
 *
 * <p>Uses the JDK's {@code Math.exp} and {@code Math.log1p} (the same formulas as {@link Network}, so the value
 * agrees with {@link Network#logLikelihood(Dataset)}); for optimisation and Laplace approximations, not for a
 * sampler's inner loop. Holds scratch buffers: use one instance from one thread at a time.
 */
public final class LogLikelihoodGradient {

    private final NetworkShape shape;
    private final int rows;
    /** The inputs, column by column. */
    private final double[][] x;
    private final double[] y;
    private final double[][] hidden;

    /** The log-likelihood of networks of the given shape on {@code data}. */
    public LogLikelihoodGradient(Dataset data, NetworkShape shape) {
        this.shape = shape;
        this.rows = data.size();
        if (data.inputs() != shape.inputs()) {
            throw new IllegalArgumentException("dataset " + data.name() + " has " + data.inputs() + " inputs, a "
                    + shape.label() + " network takes " + shape.inputs());
        }
        this.x = new double[shape.inputs()][];
        for (int input = 0; input < x.length; input++) {
            x[input] = data.column(input);
        }
        this.y = new double[rows];
        for (int row = 0; row < rows; row++) {
            y[row] = data.y(row);
        }
        this.hidden = new double[shape.hidden()][rows];
    }

    /** The network's shape. */
    public NetworkShape shape() {
        return shape;
    }

    /**
     * The log-likelihood of {@code theta}; writes its gradient into {@code gradient} (same length as theta, order as
     * in {@link NetworkShape}).
     */
    public double valueAndGradient(double[] theta, double[] gradient) {
        shape.checkParameters(theta);
        shape.checkParameters(gradient);
        int n = shape.hidden();
        java.util.Arrays.fill(gradient, 0);
        double logL = 0;
        for (int row = 0; row < rows; row++) {
            double z = theta[shape.outputBias()];
            for (int unit = 0; unit < n; unit++) {
                double a = theta[shape.inputWeight(0, unit)] * x[0][row];
                for (int input = 1; input < x.length; input++) {
                    a += theta[shape.inputWeight(input, unit)] * x[input][row];
                }
                a += theta[shape.hiddenBias(unit)];
                double h = Network.sigmoid(a);
                hidden[unit][row] = h;
                z += theta[shape.outputWeight(unit)] * h;
            }
            logL += y[row] * z - Network.softplus(z);
            double r = y[row] - Network.sigmoid(z);
            gradient[shape.outputBias()] += r;
            for (int unit = 0; unit < n; unit++) {
                double h = hidden[unit][row];
                gradient[shape.outputWeight(unit)] += r * h;
                double delta = r * theta[shape.outputWeight(unit)] * h * (1 - h);
                for (int input = 0; input < x.length; input++) {
                    gradient[shape.inputWeight(input, unit)] += delta * x[input][row];
                }
                gradient[shape.hiddenBias(unit)] += delta;
            }
        }
        return logL;
    }
}
