package org.splitbnn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable named binary-classification dataset: rows (x1, ..., xD, y) with D >= 1 finite inputs and a label y in
 * {0, 1}, in a fixed order.
 */
public final class Dataset {

    private final String name;
    /** The inputs, column by column: {@code x[i][row]} is input i + 1 of a row. */
    private final double[][] x;
    private final int[] y;

    /**
     * Creates a dataset from input columns and labels of equal length (copied); {@code x[i]} is input i + 1.
     *
     * @throws IllegalArgumentException if there is no input column, the lengths differ, an input is not finite or a
     *                                  label is not 0 or 1
     */
    public Dataset(String name, double[][] x, int[] y) {
        this.name = Objects.requireNonNull(name, "name");
        if (x.length == 0) {
            throw new IllegalArgumentException("dataset " + name + ": no input column");
        }
        for (int input = 0; input < x.length; input++) {
            if (x[input].length != y.length) {
                throw new IllegalArgumentException("dataset " + name + ": column lengths differ (x" + (input + 1) + " "
                        + x[input].length + ", y " + y.length + ")");
            }
        }
        for (int row = 0; row < y.length; row++) {
            for (double[] column : x) {
                if (!Double.isFinite(column[row])) {
                    throw new IllegalArgumentException("dataset " + name + ": row " + row + " has a non-finite input");
                }
            }
            if (y[row] != 0 && y[row] != 1) {
                throw new IllegalArgumentException("dataset " + name + ": row " + row + " has label " + y[row]
                        + ", expected 0 or 1");
            }
        }
        this.x = new double[x.length][];
        for (int input = 0; input < x.length; input++) {
            this.x[input] = x[input].clone();
        }
        this.y = y.clone();
    }

    /** A dataset of two inputs from its columns (copied). */
    public Dataset(String name, double[] x1, double[] x2, int[] y) {
        this(name, new double[][] {x1, x2}, y);
    }

    /** The dataset's name (for a file, its name without the extension). */
    public String name() {
        return name;
    }

    /** Number of rows. */
    public int size() {
        return y.length;
    }

    /** Number of inputs D. */
    public int inputs() {
        return x.length;
    }

    /** Input {@code input} (0-based: 0 is x1) of a row. */
    public double x(int input, int row) {
        return x[input][row];
    }

    /** Input {@code input} (0-based) of every row, in row order; a new array. */
    public double[] column(int input) {
        return x[input].clone();
    }

    /** Label (0 or 1) of a row. */
    public int y(int row) {
        return y[row];
    }

    /** Every label, in row order; a new array. */
    public int[] labels() {
        return y.clone();
    }

    /** Number of rows whose label is {@code label}. */
    public int countOfClass(int label) {
        int count = 0;
        for (int value : y) {
            if (value == label) {
                count++;
            }
        }
        return count;
    }

    /** Same name and identical rows (inputs compared bit for bit). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset that && name.equals(that.name) && Arrays.deepEquals(x, that.x)
                && Arrays.equals(y, that.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.deepHashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " rows, " + inputs() + " inputs]";
    }
}
