package org.splitbnn.analysis;

import org.splitbnn.model.Network;
import org.splitbnn.model.NetworkShape;

/**
 * The mean predicted probability p(y = 1 | x) of one solution on a regular grid covering the training points.
 *
 * @param solution    "full" or "mode k"
 * @param x1          grid x1 per cell
 * @param x2          grid x2 per cell
 * @param probability mean over the posterior samples of the predicted probability per cell
 */
public record PredictionGrid(String solution, double[] x1, double[] x2, double[] probability) {

    /** The mean over {@code samples} (parameter rows of networks of {@code shape}) of p(y = 1 | x) per cell. */
    public static PredictionGrid meanOver(String solution, NetworkShape shape, double[][] samples, GridCells cells) {
        double[] sum = new double[cells.size()];
        for (double[] theta : samples) {
            double[] p = new Network(shape, theta).probabilities(cells.x1(), cells.x2());
            for (int cell = 0; cell < sum.length; cell++) {
                sum[cell] += p[cell];
            }
        }
        for (int cell = 0; cell < sum.length; cell++) {
            sum[cell] /= samples.length;
        }
        return new PredictionGrid(solution, cells.x1(), cells.x2(), sum);
    }

    /** Number of cells. */
    public int size() {
        return probability.length;
    }

    /**
     * The probability of the cell nearest to (x1, x2).
     *
     * @throws IllegalArgumentException when the grid is empty
     */
    public double probabilityAt(double atX1, double atX2) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int cell = 0; cell < probability.length; cell++) {
            double d = Math.hypot(x1[cell] - atX1, x2[cell] - atX2);
            if (d < bestDistance) {
                bestDistance = d;
                best = cell;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the grid of " + solution + " has no cells");
        }
        return probability[best];
    }
}
