package org.splitbnn.sampler;

/**
 * One mode of a run: a leaf of the cluster tree (clusters that split pass their evidence on to their children).
 *
 * @param id            cluster id, as in {@link WeightedPoints#cluster()}
 * @param parent        the cluster it split from, or -1 for the root
 * @param active        whether it still had live points when the run stopped
 * @param logZ          local log-evidence (rescaled so that the local evidences sum to the global one)
 * @param logZErr       standard deviation of the local log-evidence
 * @param weightErr     standard deviation of the mode's weight (its local evidence over the sum of them)
 * @param nDead         dead points that died in this cluster
 */
public record ClusterSummary(int id, int parent, boolean active, double logZ, double logZErr,
                             double weightErr, int nDead) {
}
