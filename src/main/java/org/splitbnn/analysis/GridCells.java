package org.splitbnn.analysis;

import java.math.BigDecimal;

import org.splitbnn.data.Dataset;

/**
 * The cells of a regular prediction grid over a dataset of two inputs ({@link #applies}), x1 in the outer loop: the multiples of the step from the floor of the
 * smallest to the ceiling of the largest input, on each axis. Coordinates are the decimal multiples (0.3, not
 * 3 x 0.1), so that cells can be looked up by their printed value.
 *
 * @param x1 first input per cell
 * @param x2 second input per cell
 */
public record GridCells(double[] x1, double[] x2) {

    /** The most cells a grid may have. */
    public static final long MAX_CELLS = 10_000_000;

    /** Whether a prediction grid covers {@code data}: only a dataset of two inputs has one. */
    public static boolean applies(Dataset data) {
        return data.inputs() == 2;
    }

    /** The grid of spacing {@code step} that covers every point of {@code data}, which must have two inputs. */
    public static GridCells covering(Dataset data, double step) {
        long cells = count(data, step);
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "grid step %s gives %.3g "
                    + "prediction grid cells, more than %d; use a larger grid step", step, (double) cells, MAX_CELLS));
        }
        double[] range = range(data);
        double[] axis1 = axis(range[0], range[1], step);
        double[] axis2 = axis(range[2], range[3], step);
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

    /**
     * Number of cells of the grid of spacing {@code step} covering {@code data}, without making it ({@link Long#MAX_VALUE}
     * when that does not fit a long).
     */
    public static long count(Dataset data, double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("grid step must be positive and finite, got " + step);
        }
        if (!applies(data)) {
            throw new IllegalArgumentException("a prediction grid covers two inputs; dataset " + data.name()
                    + " has " + data.inputs());
        }
        double[] r = range(data);
        double cells = axisLength(r[0], r[1], step) * axisLength(r[2], r[3], step);
        return cells >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) cells;
    }

    /** min x1, max x1, min x2, max x2. */
    private static double[] range(Dataset data) {
        double min1 = Double.POSITIVE_INFINITY;
        double max1 = Double.NEGATIVE_INFINITY;
        double min2 = Double.POSITIVE_INFINITY;
        double max2 = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < data.size(); row++) {
            min1 = Math.min(min1, data.x(0, row));
            max1 = Math.max(max1, data.x(0, row));
            min2 = Math.min(min2, data.x(1, row));
            max2 = Math.max(max2, data.x(1, row));
        }
        return new double[] {min1, max1, min2, max2};
    }

    /** Number of multiples of {@code step} on an axis, in doubles (a long would overflow for huge ranges). */
    private static double axisLength(double min, double max, double step) {
        return Math.ceil(max / step) - Math.floor(min / step) + 1;
    }

    /** Number of cells. */
    public int size() {
        return x1.length;
    }

    private static double[] axis(double min, double max, double step) {
        long first = (long) Math.floor(min / step);
        BigDecimal exactStep = BigDecimal.valueOf(step);
        double[] axis = new double[(int) axisLength(min, max, step)];
        for (int i = 0; i < axis.length; i++) {
            axis[i] = exactStep.multiply(BigDecimal.valueOf(first + i)).doubleValue();
        }
        return axis;
    }
}
