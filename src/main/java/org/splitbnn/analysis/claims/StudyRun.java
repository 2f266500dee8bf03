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
 * @param matchedModes      the functions that nested sampling and the optimiser both found, with each method's weight
 */
public record StudyRun(Condition condition, String train, int trainSize, long samplerSeed, int prominentModes,
                       Integer distinctFunctions, List<Integer> modeFunctions, Map<String, Double> testLogLikelihood,
                       List<MatchedMode> matchedModes) implements Serializable {

    /** Copies the maps and lists into serializable, sorted collections. */
    public StudyRun {
        modeFunctions = List.copyOf(modeFunctions);
        testLogLikelihood = new TreeMap<>(testLogLikelihood);
        matchedModes = List.copyOf(matchedModes);
    }

    /**
     * The record of a finished experiment run under {@code condition}: each solution's test value is the mean of its
     * predictive log-likelihood over the experiment's test sets (each set weighing the same; the training set and
     * the pooled row left out). Its matched functions are the baselines' distinct optima matched to a
     * nested-sampling function.
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
        List<MatchedMode> matched = new ArrayList<>();
        for (Baselines.DistinctOptimum o : result.baselines().optima()) {
            if (o.matchedFunction() > 0 && o.nsWeight() > 0) {
                matched.add(new MatchedMode(Math.log(o.nsWeight()), Math.log(o.basinFraction()),
                        Double.isFinite(o.laplaceLogZ()) ? o.laplaceLogZ() : null));
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
     * A function found both by nested sampling and by the optimiser, and the weight each method gives it, as logs up
     * to a constant shared by the run's matched functions (only ratios within a run matter).
     *
     * @param logEvidence the nested-sampling weight: the function's modes' local evidences over the sum
     * @param logEnsemble the ensemble's weight: the fraction of converged starts that ended in its basin; null when
     *                    unknown
     * @param logLaplace  the Laplace weight: the optimum's Laplace evidence; null when it has none (-H not positive
     *                    definite)
     */
    public record MatchedMode(double logEvidence, Double logEnsemble, Double logLaplace) implements Serializable {
    }
}
