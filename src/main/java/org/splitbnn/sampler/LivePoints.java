package org.splitbnn.sampler;

/**
 * What a {@link NewPointSampler} sees of a run's live points: read-only, valid until the next point is added.
 * Clusters are named by their id; only active clusters (leaves of the cluster tree with live points) are asked for.
 */
interface LivePoints {

    /** Number of live points. */
    int count();

    /** Unit-hypercube coordinates of the live points, row-major, the first {@link #count()} rows. */
    double[] unit();

    /** Log-likelihood of live point {@code row}. */
    double logL(int row);

    /** Cluster id of live point {@code row}. */
    int clusterOf(int row);

    /** Ids of the active clusters, in the order of the cluster tree. */
    int[] activeClusters();

    /** Rows of the live points of a cluster, in row order. */
    int[] members(int cluster);

    /** Lower Cholesky factor of a cluster's live points' covariance (row-major), refreshed on each compression. */
    double[] cholesky(int cluster);

    /**
     * The live point of a cluster the next new point starts from; each call moves on to the next, so the cluster's
     * members take turns.
     */
    int nextSeed(int cluster);
}
