package org.splitbnn.report;

import java.util.Map;

/**
 * One run of a sweep, as the report uses it.
 *
 * @param runId          the run's id
 * @param prior          the prior's name
 * @param train          the training set's name
 * @param trainSha256    the training set's content hash
 * @param seed           the sampler seed
 * @param hidden         hidden units
 * @param ok             whether the run finished
 * @param logZ           log Z (NaN for a failed run)
 * @param logZErr        its reported standard deviation
 * @param prominentModes prominent modes (0 for a failed run)
 * @param distinctFunctions distinct functions among them (0 for a failed run)
 * @param fullTest       the full solution's mean test &lt;log L&gt;/N averaged over the test sets (NaN without)
 * @param topModeTest    the same for mode 1, the highest-evidence mode (NaN without)
 * @param figures        whether the sweep's configuration marks the run for figures
 * @param testPredictive per solution ("full", "map", "ensemble", ...), its predictive log-likelihood per row on the
 *                       pooled test sets (on the one test set when there is one)
 */
public record SweepRun(String runId, String prior, String train, String trainSha256, long seed, int hidden, boolean ok,
                       double logZ, double logZErr, int prominentModes, int distinctFunctions, double fullTest,
                       double topModeTest, boolean figures, Map<String, Double> testPredictive) {

    /** The predictive log-likelihood per test row of {@code solution}, NaN when the run has none. */
    public double testPredictive(String solution) {
        return testPredictive.getOrDefault(solution, Double.NaN);
    }
}
