package org.splitbnn.analysis;

import java.util.Arrays;

/**
 * Mean, extremes and quartiles of a set of values. For equally weighted values the quartiles interpolate linearly
 * between order statistics (the definition numpy's {@code quantile} uses by default); for unequal weights the mean
 * is weighted and a quantile p is the smallest value whose cumulative weight reaches p (the inverse of the weighted
 * distribution function), extremes over values of positive weight.
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

    /** The spread of {@code values} with {@code weights} (non-negative, summing to 1); equal weights as {@link #of}. */
    public static Spread of(double[] values, double[] weights) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException(values.length + " values but " + weights.length + " weights");
        }
        if (Arrays.stream(weights).allMatch(w -> w == weights[0])) {
            return of(values);
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double mean = 0;
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (weights[i] > 0) {
                mean += weights[i] * values[i];
                total += weights[i];
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no value has a positive weight");
        }
        return new Spread(mean / total, min, weightedQuantile(values, weights, order, total, 0.25),
                weightedQuantile(values, weights, order, total, 0.5),
                weightedQuantile(values, weights, order, total, 0.75), max);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double weightedQuantile(double[] values, double[] weights, Integer[] order, double total,
                                           double p) {
        double cumulative = 0;
        double last = Double.NaN;
        for (int i : order) {
            if (weights[i] > 0) {
                cumulative += weights[i] / total;
                last = values[i];
                if (cumulative >= p - 1e-12) {
                    return values[i];
                }
            }
        }
        return last;
    }
}
