package org.splitbnn.analysis.claims;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.GeneralisationRow;

/**
 * What the claims need of one finished run: its condition, its training set and sampler seed, the counts of modes
 * and functions, each solution's test predictive log-likelihood, and the weights the methods give the modes they
 * share.
 *
 * @param condition         the grid's factors of the run
 * @param train             the training set's name (the bootstrap's unit)
 * @param trainSize         rows of the training set
 * @param samplerSeed       the sampler seed
 * @param prominentModes    prominent modes
 * @param distinctFunctions distinct functions among the prominent modes; null when not known
 * @param testLogLikelihood per solution ({@code full}, {@code mode k}, {@code map}, {@code ensemble},
 *                          {@code laplace}, as far as the run has them): the mean over the run's test sets of the
 *                          per-row predictive log-likelihood
 * @param matchedModes      the modes that nested sampling and the optimiser both found, with each method's weight
 */
public record StudyRun(Condition condition, String train, int trainSize, long samplerSeed, int prominentModes,
                       Integer distinctFunctions, Map<String, Double> testLogLikelihood,
                       List<MatchedMode> matchedModes) implements Serializable {

    /** The MAP network's solution name. */
    public static final String MAP = "map";

    /** The equal-weight ensemble's solution name. */
    public static final String ENSEMBLE = "ensemble";

    /** The Laplace-weighted ensemble's solution name. */
    public static final String LAPLACE = "laplace";

    /** Copies the maps and lists into serializable, sorted collections. */
    public StudyRun {
        testLogLikelihood = new TreeMap<>(testLogLikelihood);
        matchedModes = List.copyOf(matchedModes);
    }

    /**
     * The record of a finished experiment run under {@code condition}: each solution's test value is the mean of its
     * predictive log-likelihood over the experiment's test sets (each set weighing the same; the training set and
     * the pooled row left out).
     */
    public static StudyRun of(Condition condition, ExperimentResult result) {
        Set<String> tests = new HashSet<>();
        result.spec().tests().forEach(t -> tests.add(t.name()));
        Map<String, double[]> sums = new TreeMap<>();
        for (GeneralisationRow g : result.generalisation()) {
            if (tests.contains(g.dataset())) {
                double[] sum = sums.computeIfAbsent(g.solution(), k -> new double[2]);
                sum[0] += g.predictiveLogLikelihood();
                sum[1]++;
            }
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((solution, sum) -> means.put(solution, sum[0] / sum[1]));
        return new StudyRun(condition, result.spec().train().name(), result.spec().train().size(),
                result.spec().sampler().seed(), result.prominentModes(), null, means, List.of());
    }

    /** The test predictive log-likelihood of {@code solution}, or null when the run has no such solution. */
    public Double test(String solution) {
        return testLogLikelihood.get(solution);
    }

    /**
     * A mode found both by nested sampling and by the optimiser, and the weight each method gives it.
     *
     * @param evidence the nested-sampling weight: local evidence over the sum of the local evidences
     * @param ensemble the ensemble's weight: the fraction of converged starts that ended in the mode's basin; null
     *                 when unknown
     * @param laplace  the Laplace weight: the optimum's Laplace evidence over the sum over distinct optima; null when
     *                 unknown
     */
    public record MatchedMode(double evidence, Double ensemble, Double laplace) implements Serializable {
    }
}
