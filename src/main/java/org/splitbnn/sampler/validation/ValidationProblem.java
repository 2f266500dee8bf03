package org.splitbnn.sampler.validation;

import java.util.List;

import org.splitbnn.sampler.Problem;

/**
 * A problem whose evidence is known, for validating the sampler.
 *
 * @param name         short name used on the command line
 * @param problem      the problem
 * @param truthLogZ    the true log-evidence, relative to the prior's allowed region
 * @param truthLogF    the true log of the allowed fraction of the hypercube (0 when every point is allowed)
 * @param modeWeights  known weights of the modes, largest first; empty when not a test of mode weights
 */
public record ValidationProblem(String name, Problem problem, double truthLogZ, double truthLogF,
                                List<Double> modeWeights) {
}
