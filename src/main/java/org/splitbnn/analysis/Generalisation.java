package org.splitbnn.analysis;

import static org.splitbnn.analysis.GeneralisationRow.POOLED_TESTS;
import static org.splitbnn.analysis.GeneralisationRow.TRAIN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitbnn.data.Dataset;
import org.splitbnn.model.FastLogLikelihood;
import org.splitbnn.model.NetworkShape;

/**
 * How one solution generalises: for each dataset, the distribution over its networks of the average per-datapoint
 * log-likelihood &lt;log L&gt;/N, and the scores of its prediction, the weighted mean q(y | x) of its networks'
 * p(y | x): the per-datapoint log predictive likelihood mean log q(y_n | x_n) (the proper score of the model
 * average), the accuracy (q(y_n | x_n) &gt; 1/2), the Brier score mean (q(1 | x_n) - y_n)^2 and the expected
 * calibration error over 10 equal-width bins of q(1 | x): sum over bins of (rows in the bin / N) |mean y - mean q|.
 * The one definition of these scores for every solution, Bayesian or not.
 */
final class Generalisation {

    /** Equal-width bins of q(1 | x) of the expected calibration error. */
    static final int CALIBRATION_BINS = 10;

    private Generalisation() {
    }

    /**
     * One row for the training set, one per test set in order, and, with two or more test sets, a row
     * {@value GeneralisationRow#POOLED_TESTS}: its distribution is over every (sample, test set) pair, its predictive
     * and accuracy over every test row.
     */
    static List<GeneralisationRow> rows(Solution solution, NetworkShape shape, Dataset train, List<Dataset> tests) {
        List<Dataset> datasets = new ArrayList<>();
        datasets.add(train);
        datasets.addAll(tests);
        int samples = solution.size();
        double[][] average = new double[datasets.size()][samples];
        double[][] meanLikelihood = new double[datasets.size()][];
        for (int d = 0; d < datasets.size(); d++) {
            meanLikelihood[d] = new double[datasets.get(d).size()];
        }
        for (int d = 0; d < datasets.size(); d++) {
            FastLogLikelihood likelihood = new FastLogLikelihood(datasets.get(d), shape);
            int n = likelihood.rows();
            double[] rowLogL = new double[n];
            double[] rowLikelihood = new double[n];
            for (int s = 0; s < samples; s++) {
                likelihood.rowLikelihoods(solution.theta()[s], rowLogL, rowLikelihood);
                double sum = 0;
                for (int row = 0; row < n; row++) {
                    sum += rowLogL[row];
                    meanLikelihood[d][row] += solution.weight()[s] * rowLikelihood[row];
                }
                average[d][s] = sum / n;
            }
        }
        List<GeneralisationRow> rows = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            String name = d == 0 ? TRAIN : datasets.get(d).name();
            rows.add(row(solution, name, samples, average[d], solution.weight(), new Dataset[] {datasets.get(d)},
                    new double[][] {meanLikelihood[d]}));
        }
        if (tests.size() > 1) {
            int t = tests.size();
            double[] pooled = new double[t * samples];
            for (int d = 1; d <= t; d++) {
                System.arraycopy(average[d], 0, pooled, (d - 1) * samples, samples);
            }
            double[] pooledWeight = new double[t * samples];
            for (int d = 0; d < t; d++) {
                for (int s = 0; s < samples; s++) {
                    pooledWeight[d * samples + s] = solution.weight()[s] / t;
                }
            }
            rows.add(row(solution, POOLED_TESTS, samples, pooled, pooledWeight, tests.toArray(Dataset[]::new),
                    Arrays.copyOfRange(meanLikelihood, 1, t + 1)));
        }
        return rows;
    }

    private static GeneralisationRow row(Solution solution, String dataset, int samples, double[] perSample,
                                         double[] weights, Dataset[] data, double[][] meanLikelihood) {
        Spread spread = Spread.of(perSample, weights);
        double logPredictive = 0;
        double brier = 0;
        int correct = 0;
        int n = 0;
        double[] binRows = new double[CALIBRATION_BINS];
        double[] binLabels = new double[CALIBRATION_BINS];
        double[] binProbability = new double[CALIBRATION_BINS];
        for (int d = 0; d < data.length; d++) {
            for (int row = 0; row < data[d].size(); row++) {
                double pTrue = meanLikelihood[d][row];
                int y = data[d].y(row);
                double pOne = y == 1 ? pTrue : 1 - pTrue;
                logPredictive += Math.log(pTrue);
                correct += pTrue > 0.5 ? 1 : 0;
                brier += (1 - pTrue) * (1 - pTrue);
                int bin = Math.min(CALIBRATION_BINS - 1, (int) (pOne * CALIBRATION_BINS));
                binRows[bin]++;
                binLabels[bin] += y;
                binProbability[bin] += pOne;
                n++;
            }
        }
        double ece = 0;
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            ece += Math.abs(binLabels[b] - binProbability[b]) / n;
        }
        return new GeneralisationRow(solution.name(), dataset, samples, spread.mean(), spread.min(), spread.q1(),
                spread.median(), spread.q3(), spread.max(), logPredictive / n, (double) correct / n, brier / n, ece);
    }
}
