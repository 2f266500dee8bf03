package org.splitbnn.analysis;

import java.math.BigDecimal;

import org.splitbnn.data.Dataset;

/**
 * The cells of a regular prediction grid, x1 in the outer loop: the multiples of the step from the floor of the
 * smallest to the ceiling of the largest input, on each axis. Coordinates are the decimal multiples (0.3, not
 * 3 x 0.1), so that cells can be looked up by their printed value.
 *
 * @param x1 first input per cell
 * @param x2 second input per cell
 */
public record GridCells(double[] x1, double[] x2) {

    /** The grid of spacing {@code step} that covers every point of {@code data}. */
    public static GridCells covering(Dataset data, double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("grid step must be positive and finite, got " + step);
        }
        double min1 = Double.POSITIVE_INFINITY;
        double max1 = Double.NEGATIVE_INFINITY;
        double min2 = Double.POSITIVE_INFINITY;
        double max2 = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < data.size(); row++) {
            min1 = Math.min(min1, data.x1(row));
            max1 = Math.max(max1, data.x1(row));
            min2 = Math.min(min2, data.x2(row));
            max2 = Math.max(max2, data.x2(row));
        }
        double[] axis1 = axis(min1, max1, step);
        double[] axis2 = axis(min2, max2, step);
        double[] x1 = new double[axis1.length * axis2.length];
        double[] x2 = new double[x1.length];
        int cell = 0;
        for (double a : axis1) {
            for (double b : axis2) {
                x1[cell] = a;
                x2[cell] = b;
                cell++;
            }
        }
        return new GridCells(x1, x2);
    }

    /** Number of cells. */
    public int size() {
        return x1.length;
    }

    private static double[] axis(double min, double max, double step) {
        long first = (long) Math.floor(min / step);
        long last = (long) Math.ceil(max / step);
        if (last - first > 100_000) {
            throw new IllegalArgumentException("grid step " + step + " gives more than 100000 cells per axis");
        }
        BigDecimal exactStep = BigDecimal.valueOf(step);
        double[] axis = new double[(int) (last - first + 1)];
        for (int i = 0; i < axis.length; i++) {
            axis[i] = exactStep.multiply(BigDecimal.valueOf(first + i)).doubleValue();
        }
        return axis;
    }
}
