package org.splitbnn.analysis;

/**
 * The mean predicted probability p(y = 1 | x) of one solution on a regular grid covering the training points.
 *
 * @param solution    "full" or "mode k"
 * @param x1          grid x1 per cell
 * @param x2          grid x2 per cell
 * @param probability mean over the posterior samples of the predicted probability per cell
 */
public record PredictionGrid(String solution, double[] x1, double[] x2, double[] probability) {
}
