package org.splitbnn.report;

import java.util.List;

import org.splitbnn.model.NetworkShape;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * The full posterior's equally weighted samples of one run: each parameter's values and the prominent-mode rank each
 * sample belongs to.
 *
 * @param parameters the parameter names (w11, ..., b2), in order
 * @param values     per parameter, its value in every sample
 * @param modes      per sample, the rank of its mode, 0 when it belongs to none (it died before the modes split)
 */
public record PosteriorSamples(List<String> parameters, double[][] values, int[] modes) {

    /** The posterior table's columns that the samples are made of. */
    public static final List<String> COLUMNS = Table.POSTERIOR.names("run_id", "mode", "theta");

    /**
     * The samples of a run's posterior rows (with {@link #COLUMNS}) of a network of {@code hidden} units; its inputs
     * are those its parameter count implies (2 when there are no rows).
     */
    public static PosteriorSamples of(int hidden, ParquetTable rows) {
        double[][] theta = rows.doubleLists("theta");
        int inputs = theta.length == 0 ? 2 : (theta[0].length - 1) / hidden - 2;
        List<String> names = new NetworkShape(inputs, hidden).parameterNames();
        double[][] values = new double[names.size()][rows.rows()];
        for (int i = 0; i < rows.rows(); i++) {
            for (int j = 0; j < names.size(); j++) {
                values[j][i] = theta[i][j];
            }
        }
        int[] modes = rows.ints("mode").clone();
        for (int i = 0; i < modes.length; i++) {
            modes[i] = modes[i] == ParquetTable.Ints.MISSING ? 0 : modes[i];
        }
        return new PosteriorSamples(names, values, modes);
    }

    /** The values of the parameter {@code name} in every sample. */
    public double[] values(String name) {
        int j = parameters.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return values[j];
    }

    /** The number of samples. */
    public int size() {
        return modes.length;
    }
}
