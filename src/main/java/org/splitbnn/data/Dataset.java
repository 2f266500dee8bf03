package org.splitbnn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable named binary-classification dataset: rows (x1, x2, y) with finite inputs and a label y in {0, 1},
 * in a fixed order.
 */
public final class Dataset {

    private final String name;
    private final double[] x1;
    private final double[] x2;
    private final int[] y;

    /**
     * Creates a dataset from column arrays of equal length (copied).
     *
     * @throws IllegalArgumentException if the lengths differ, an input is not finite or a label is not 0 or 1
     */
    public Dataset(String name, double[] x1, double[] x2, int[] y) {
        this.name = Objects.requireNonNull(name, "name");
        if (x1.length != x2.length || x1.length != y.length) {
            throw new IllegalArgumentException("dataset " + name + ": column lengths differ (x1 " + x1.length
                    + ", x2 " + x2.length + ", y " + y.length + ")");
        }
        for (int row = 0; row < y.length; row++) {
            if (!Double.isFinite(x1[row]) || !Double.isFinite(x2[row])) {
                throw new IllegalArgumentException("dataset " + name + ": row " + row + " has a non-finite input");
            }
            if (y[row] != 0 && y[row] != 1) {
                throw new IllegalArgumentException("dataset " + name + ": row " + row + " has label " + y[row]
                        + ", expected 0 or 1");
            }
        }
        this.x1 = x1.clone();
        this.x2 = x2.clone();
        this.y = y.clone();
    }

    /** The dataset's name (for a file, its name without the extension). */
    public String name() {
        return name;
    }

    /** Number of rows. */
    public int size() {
        return y.length;
    }

    /** First input of a row. */
    public double x1(int row) {
        return x1[row];
    }

    /** Second input of a row. */
    public double x2(int row) {
        return x2[row];
    }

    /** Label (0 or 1) of a row. */
    public int y(int row) {
        return y[row];
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
        return other instanceof Dataset that && name.equals(that.name) && Arrays.equals(x1, that.x1)
                && Arrays.equals(x2, that.x2) && Arrays.equals(y, that.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x1), Arrays.hashCode(x2), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " rows]";
    }
}
