package org.splitbnn.analysis.claims;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the claims need of one finished run: its condition, its training set and sampler seed, its log-evidence, the
 * counts of modes and functions, each solution's test predictive log-likelihood, and the baselines' optima that compute
 * a prominent mode's function.
 *
 * @param condition         the grid's factors of the run
 * @param train             the training set's name (the bootstrap's unit)
 * @param trainSize         rows of the training set
 * @param samplerSeed       the sampler seed
 * @param logZ              the run's log-evidence ({@code log_z}: relative to its prior)
 * @param prominentModes    prominent modes
 * @param distinctFunctions distinct functions among the prominent modes; null when not known
 * @param modeFunctions     per prominent mode, in rank order, the rank of the function it computes (1 = the
 *                          function of largest summed evidence); empty when not known
 * @param testLogLikelihood per solution ({@code full}, {@code mode k}, {@code map}, {@code ensemble},
 *                          {@code laplace}, as far as the run has them): the mean over the run's test sets of the
 *                          per-row predictive log-likelihood
 * @param matchedOptima     the baselines' distinct optima that compute a prominent mode's function
 */
public record StudyRun(Condition condition, String train, int trainSize, long samplerSeed, double logZ,
                       int prominentModes, Integer distinctFunctions, List<Integer> modeFunctions,
                       Map<String, Double> testLogLikelihood, List<MatchedOptimum> matchedOptima)
        implements Serializable {

    /** Copies the maps and lists into serializable, sorted collections. */
    public StudyRun {
        modeFunctions = List.copyOf(modeFunctions);
        testLogLikelihood = new TreeMap<>(testLogLikelihood);
        matchedOptima = List.copyOf(matchedOptima);
    }

    /** The test predictive log-likelihood of {@code solution}, or null when the run has no such solution. */
    public Double test(String solution) {
        return testLogLikelihood.get(solution);
    }

    /**
     * A distinct optimum of the baselines that is the same function as a prominent nested-sampling mode, with what
     * each method says of it. Several optima can match one function (the identity of functions is not transitive);
     * the claims add their weights per function.
     *
     * @param function       the rank of the nested-sampling function it matches
     * @param evidenceWeight that function's nested-sampling weight (its modes' local evidences over the sum)
     * @param basinFraction  the fraction of converged starts that ended at the optimum (the ensemble's weight)
     * @param laplaceLogZ    the optimum's Laplace log-evidence; NaN when it has none (-H not positive definite)
     */
    public record MatchedOptimum(int function, double evidenceWeight, double basinFraction, double laplaceLogZ)
            implements Serializable {
    }
}
