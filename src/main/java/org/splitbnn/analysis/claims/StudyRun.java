package org.splitbnn.analysis.claims;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.baselines.Baselines;

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
 * @param modeFunctions     per prominent mode, in rank order, the rank of the function it computes (1 = the
 *                          function of largest summed evidence); empty when not known
 * @param testLogLikelihood per solution ({@code full}, {@code mode k}, {@code map}, {@code ensemble},
 *                          {@code laplace}, as far as the run has them): the mean over the run's test sets of the
 *                          per-row predictive log-likelihood
 * @param matchedOptima     the baselines' distinct optima that compute a prominent mode's function
 */
public record StudyRun(Condition condition, String train, int trainSize, long samplerSeed, int prominentModes,
                       Integer distinctFunctions, List<Integer> modeFunctions, Map<String, Double> testLogLikelihood,
                       List<MatchedOptimum> matchedOptima) implements Serializable {

    /** Copies the maps and lists into serializable, sorted collections. */
    public StudyRun {
        modeFunctions = List.copyOf(modeFunctions);
        testLogLikelihood = new TreeMap<>(testLogLikelihood);
        matchedOptima = List.copyOf(matchedOptima);
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
        List<MatchedOptimum> matched = new ArrayList<>();
        for (Baselines.DistinctOptimum o : result.baselines().optima()) {
            if (o.matchedFunction() > 0) {
                matched.add(new MatchedOptimum(o.matchedFunction(), o.nsWeight(), o.basinFraction(),
                        o.laplaceLogZ()));
            }
        }
        return new StudyRun(condition, result.spec().train().name(), result.spec().train().size(),
                result.spec().sampler().seed(), result.prominentModes(), result.distinctFunctions(),
                result.modes().stream().filter(ModeReport::prominent).map(ModeReport::function).toList(), means,
                matched);
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
