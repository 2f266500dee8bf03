package org.splitbnn.sampler.validation;

import java.util.List;

/**
 * One line of the validation table: a problem's truth beside what the sampler found.
 *
 * @param problem         problem name
 * @param truth           true log-evidence
 * @param logZ            log-evidence found
 * @param logZErr         its reported standard deviation
 * @param truthLogF       true log of the allowed prior fraction
 * @param logF            log of the allowed prior fraction found
 * @param logFErr         its standard deviation
 * @param nClusters       leaf clusters the sampler kept apart
 * @param nModes          modes found (leaves joined without a likelihood valley between them)
 * @param nProminentModes modes whose local evidence exceeds the paper's prominence
 *                        ({@link org.splitbnn.sampler.SamplerResult#DEFAULT_PROMINENCE}) times the largest
 * @param nLikelihood     likelihood calls inside the support
 * @param seconds         wall time
 * @param modeWeights     weights of the largest modes (as many as the problem has known weights), largest first
 * @param modeWeightErrs  their standard deviations, propagated from the local evidence errors
 * @param truthWeights    the known weights, empty when the problem has none
 */
public record ValidationRow(String problem, double truth, double logZ, double logZErr, double truthLogF,
                            double logF, double logFErr, int nClusters, int nModes, int nProminentModes,
                            long nLikelihood, double seconds,
                            List<Double> modeWeights, List<Double> modeWeightErrs, List<Double> truthWeights) {

    /** (log Z - truth) / sigma. */
    public double pull() {
        return (logZ - truth) / logZErr;
    }
}
