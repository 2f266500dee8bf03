package org.splitbnn.analysis;

/**
 * How one solution generalises to one dataset: the distribution over posterior samples of the average
 * per-datapoint log-likelihood &lt;log L&gt;/N (the paper's violins), and the posterior-mean predictive.
 *
 * @param solution                 "full" or "mode k" (k = rank of a prominent mode)
 * @param dataset                  "train" or the test set's name
 * @param samples                  posterior samples used
 * @param mean                     mean of &lt;log L&gt;/N over the samples
 * @param min                      minimum over the samples
 * @param q1                       first quartile
 * @param median                   median
 * @param q3                       third quartile
 * @param max                      maximum
 * @param predictiveLogLikelihood  per-datapoint log-likelihood of the posterior-mean predictive probability
 * @param accuracy                 fraction of rows whose posterior-mean probability is on the right side of 1/2
 */
public record GeneralisationRow(String solution, String dataset, int samples, double mean, double min, double q1,
                                double median, double q3, double max, double predictiveLogLikelihood,
                                double accuracy) {
}
