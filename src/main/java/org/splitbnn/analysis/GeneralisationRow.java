package org.splitbnn.analysis;

/**
 * How one solution generalises to one dataset: the distribution over its networks of the average per-datapoint
 * log-likelihood &lt;log L&gt;/N (the paper's violins), and the scores of its mean prediction (see {@link
 * Generalisation}).
 *
 * @param solution                 "full", "mode k" (k = rank of a prominent mode), "map", "ensemble" or "laplace"
 * @param dataset                  {@value #TRAIN}, a test set's name, or {@value #POOLED_TESTS}
 * @param samples                  networks used (posterior samples or optima)
 * @param mean                     mean of &lt;log L&gt;/N over the networks (weighted by their weights)
 * @param min                      minimum over the samples
 * @param q1                       first quartile
 * @param median                   median
 * @param q3                       third quartile
 * @param max                      maximum
 * @param predictiveLogLikelihood  per-datapoint log-likelihood of the posterior-mean predictive probability
 * @param accuracy                 fraction of rows whose posterior-mean probability is on the right side of 1/2
 * @param brier                    mean squared difference of the predicted p(y = 1 | x) and y
 * @param ece                      expected calibration error of p(y = 1 | x), 10 equal-width bins
 */
public record GeneralisationRow(String solution, String dataset, int samples, double mean, double min, double q1,
                                double median, double q3, double max, double predictiveLogLikelihood,
                                double accuracy, double brier, double ece) {

    /** The dataset name of the training set's row. */
    public static final String TRAIN = "train";

    /** The dataset name of the row that pools every test set. */
    public static final String POOLED_TESTS = "tests_pooled";

    /** The dataset names the rows of the training set and of the pooled test sets take, which no test set may. */
    public static final java.util.Set<String> RESERVED_DATASETS = java.util.Set.of(TRAIN,
            POOLED_TESTS);

}
