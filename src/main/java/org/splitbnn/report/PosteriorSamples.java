package org.splitbnn.report;

import java.util.List;

/**
 * The full posterior's equally weighted samples of one run: each parameter's values and the prominent-mode rank each
 * sample belongs to.
 *
 * @param parameters the parameter names (w11, ..., b2), in order
 * @param values     per parameter, its value in every sample
 * @param modes      per sample, the rank of its mode, 0 when it belongs to none (it died before the modes split)
 */
public record PosteriorSamples(List<String> parameters, double[][] values, int[] modes) {

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
