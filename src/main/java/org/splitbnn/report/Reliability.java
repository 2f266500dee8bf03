package org.splitbnn.report;

import java.util.ArrayList;
import java.util.List;
import org.splitbnn.data.Dataset;
import org.splitbnn.model.Network;
import org.splitbnn.model.NetworkShape;

/**
 * A reliability (calibration) curve: predicted probabilities p(y = 1 | x) sorted into equal-width bins of [0, 1],
 * and per bin that is not empty the mean prediction, the fraction of rows whose label is 1, and the number of rows.
 * A calibrated model's points lie on the diagonal.
 *
 * @param meanPredicted per bin, the mean predicted probability of its rows
 * @param observed      per bin, the fraction of its rows labelled 1
 * @param rows          per bin, its number of rows
 */
public record Reliability(double[] meanPredicted, double[] observed, int[] rows) {

    /** Bins of the curves the report draws. */
    public static final int BINS = 10;

    /**
     * The curve of predictions {@code p} against labels {@code y} (0 or 1) over {@code bins} equal-width bins; a
     * prediction of exactly 1 falls in the last bin.
     */
    public static Reliability of(double[] p, int[] y, int bins) {
        if (p.length != y.length || bins < 1) {
            throw new IllegalArgumentException("need one label per prediction and at least one bin, got "
                    + p.length + " predictions, " + y.length + " labels, " + bins + " bins");
        }
        double[] sumP = new double[bins];
        int[] ones = new int[bins];
        int[] count = new int[bins];
        for (int k = 0; k < p.length; k++) {
            int bin = Math.min(bins - 1, (int) (p[k] * bins));
            sumP[bin] += p[k];
            ones[bin] += y[k];
            count[bin]++;
        }
        List<double[]> points = new ArrayList<>();
        for (int bin = 0; bin < bins; bin++) {
            if (count[bin] > 0) {
                points.add(new double[] {sumP[bin] / count[bin], (double) ones[bin] / count[bin], count[bin]});
            }
        }
        return new Reliability(points.stream().mapToDouble(a -> a[0]).toArray(),
                points.stream().mapToDouble(a -> a[1]).toArray(), points.stream().mapToInt(a -> (int) a[2]).toArray());
    }

    /**
     * The curve of the full solution on {@code train}: each row's prediction is the mean of p(y = 1 | x) over the
     * posterior's samples (one parameter vector per sample: {@code samples.values()[j][s]} is parameter j of sample
     * s), a network of {@code train}'s inputs.
     */
    public static Reliability ofPosterior(PosteriorSamples samples, Dataset train) {
        int dimension = samples.parameters().size();
        int hidden = (dimension - 1) / (train.inputs() + 2);
        NetworkShape shape = new NetworkShape(train.inputs(), hidden);
        if (shape.dimension() != dimension) {
            throw new IllegalArgumentException("posterior samples of " + dimension + " parameters do not fit a network"
                    + " of the training set's " + train.inputs() + " inputs");
        }
        double[][] columns = new double[train.inputs()][];
        for (int input = 0; input < columns.length; input++) {
            columns[input] = train.column(input);
        }
        int count = samples.modes().length;
        double[] mean = new double[train.size()];
        double[] theta = new double[dimension];
        for (int s = 0; s < count; s++) {
            for (int j = 0; j < dimension; j++) {
                theta[j] = samples.values()[j][s];
            }
            double[] p = new Network(shape, theta).probabilities(columns);
            for (int row = 0; row < mean.length; row++) {
                mean[row] += p[row] / count;
            }
        }
        return of(mean, train.labels(), BINS);
    }
}
