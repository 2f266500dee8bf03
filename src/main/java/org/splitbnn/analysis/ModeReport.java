package org.splitbnn.analysis;

import java.util.List;

/**
 * One posterior mode.
 *
 * @param mode         rank by local evidence, 1 for the largest
 * @param clusterId    the sampler's cluster id
 * @param localLogZ    local log-evidence
 * @param localLogZErr its standard deviation
 * @param weight       local evidence over the sum of the local evidences
 * @param prominent    local evidence above the prominence threshold times the largest
 * @param mean         posterior mean of each parameter within the mode
 * @param sd           posterior standard deviation of each parameter within the mode
 */
public record ModeReport(int mode, int clusterId, double localLogZ, double localLogZErr, double weight,
                         boolean prominent, List<Double> mean, List<Double> sd) {
}
