package org.splitbnn.sampler;

import java.util.List;

/**
 * One mode of a run: one or more leaves of the cluster tree joined without a likelihood valley between them (see
 * {@link SamplerResult#clusters()}). Clusters that split pass their evidence on to their children.
 *
 * @param id        the mode's cluster id, as in {@link WeightedPoints#cluster()}: the smallest id of its leaves
 * @param leaves    the ids of the leaf clusters it joins, ascending
 * @param active    whether it still had live points when the run stopped
 * @param logZ      local log-evidence (rescaled so that the local evidences sum to the global one)
 * @param logZErr   standard deviation of the local log-evidence
 * @param weightErr standard deviation of the mode's weight (its local evidence over the sum of them)
 * @param nDead     dead points that died in its leaves
 */
public record ClusterSummary(int id, List<Integer> leaves, boolean active, double logZ, double logZErr,
                             double weightErr, int nDead) {
}
