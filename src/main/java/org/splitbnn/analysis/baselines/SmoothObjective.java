package org.splitbnn.analysis.baselines;

/**
 * A smooth function to maximise, with its gradient: a log-likelihood or log-posterior in some coordinates.
 * Negative infinity marks a point outside the function's support (its gradient is then not used).
 */
public interface SmoothObjective {

    /** Number of coordinates. */
    int dimension();

    /** The value at {@code x}; writes the gradient into {@code gradient} (both of length {@link #dimension()}). */
    double valueAndGradient(double[] x, double[] gradient);
}
