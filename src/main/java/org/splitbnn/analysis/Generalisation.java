package org.splitbnn.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitbnn.data.Dataset;
import org.splitbnn.model.Network;
import org.splitbnn.model.NetworkShape;

/**
 * How one solution generalises: for each dataset, the distribution over its posterior samples of the average
 * per-datapoint log-likelihood &lt;log L&gt;/N, the per-datapoint log of the posterior-mean predictive likelihood
 * and the accuracy of the posterior-mean prediction.
 */
final class Generalisation {

    /** The dataset name of the row that pools every test set (all test sets x all samples). */
    static final String POOLED_TESTS = "tests_pooled";

    /** The dataset name of the training set's row. */
    static final String TRAIN = "train";

    private Generalisation() {
    }

    /**
     * One row for the training set, one per test set in order, and, with two or more test sets, a row
     * {@value #POOLED_TESTS}: its distribution is over every (sample, test set) pair, its predictive and accuracy over
     * every test row.
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
        for (int s = 0; s < samples; s++) {
            Network network = new Network(shape, solution.theta()[s]);
            for (int d = 0; d < datasets.size(); d++) {
                double[] rowLogL = network.rowLogLikelihoods(datasets.get(d));
                double sum = 0;
                for (int row = 0; row < rowLogL.length; row++) {
                    sum += rowLogL[row];
                    meanLikelihood[d][row] += Math.exp(rowLogL[row]) / samples;
                }
                average[d][s] = sum / rowLogL.length;
            }
        }
        List<GeneralisationRow> rows = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            String name = d == 0 ? TRAIN : datasets.get(d).name();
            rows.add(row(solution, name, samples, average[d], new Dataset[] {datasets.get(d)},
                    new double[][] {meanLikelihood[d]}));
        }
        if (tests.size() > 1) {
            int t = tests.size();
            double[] pooled = new double[t * samples];
            for (int d = 1; d <= t; d++) {
                System.arraycopy(average[d], 0, pooled, (d - 1) * samples, samples);
            }
            rows.add(row(solution, POOLED_TESTS, samples, pooled, tests.toArray(Dataset[]::new),
                    Arrays.copyOfRange(meanLikelihood, 1, t + 1)));
        }
        return rows;
    }

    private static GeneralisationRow row(Solution solution, String dataset, int samples, double[] perSample,
                                         Dataset[] data, double[][] meanLikelihood) {
        Spread spread = Spread.of(perSample);
        double logPredictive = 0;
        int correct = 0;
        int n = 0;
        for (int d = 0; d < data.length; d++) {
            for (int row = 0; row < data[d].size(); row++) {
                double pTrue = meanLikelihood[d][row];
                logPredictive += Math.log(pTrue);
                correct += pTrue > 0.5 ? 1 : 0;
                n++;
            }
        }
        return new GeneralisationRow(solution.name(), dataset, samples, spread.mean(), spread.min(), spread.q1(),
                spread.median(), spread.q3(), spread.max(), logPredictive / n, (double) correct / n);
    }
}
