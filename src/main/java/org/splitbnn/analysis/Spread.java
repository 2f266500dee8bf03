package org.splitbnn.analysis;

import java.util.Arrays;

/**
 * Mean, extremes and quartiles of a set of values. Quartiles interpolate linearly between order statistics (the
 * definition numpy's {@code quantile} uses by default).
 *
 * @param mean   arithmetic mean
 * @param min    smallest value
 * @param q1     first quartile
 * @param median median
 * @param q3     third quartile
 * @param max    largest value
 */
public record Spread(double mean, double min, double q1, double median, double q3, double max) {

    /** The spread of {@code values} (not modified); at least one value. */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Spread(sum / sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[sorted.length - 1]);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
