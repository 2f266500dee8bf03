package org.splitbnn.analysis;

import org.splitbnn.model.Network;
import org.splitbnn.model.NetworkShape;

/**
 * The mean predicted probability p(y = 1 | x) of one solution on a regular grid covering the training points.
 *
 * @param solution    "full", "mode k", "map", "ensemble" or "laplace"
 * @param x1          grid x1 per cell
 * @param x2          grid x2 per cell
 * @param probability weighted mean over the solution's networks of the predicted probability per cell
 */
public record PredictionGrid(String solution, double[] x1, double[] x2, double[] probability) {

    /** The weighted mean over a solution's networks of p(y = 1 | x) per cell. */
    public static PredictionGrid meanOver(Solution solution, NetworkShape shape, GridCells cells) {
        double[] sum = new double[cells.size()];
        for (int s = 0; s < solution.size(); s++) {
            double[] p = new Network(shape, solution.theta()[s]).probabilities(cells.x1(), cells.x2());
            for (int cell = 0; cell < sum.length; cell++) {
                sum[cell] += solution.weight()[s] * p[cell];
            }
        }
        return new PredictionGrid(solution.name(), cells.x1(), cells.x2(), sum);
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
