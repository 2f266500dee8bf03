package org.splitbnn.sampler;

/** The live points and their clusters as a {@link NewPointSampler} sees them. */
record LiveView(LiveSet live, ClusterTree tree) implements LivePoints {

    @Override
    public int count() {
        return live.count();
    }

    @Override
    public double[] unit() {
        return live.unit();
    }

    @Override
    public double logL(int row) {
        return live.logL(row);
    }

    @Override
    public int clusterOf(int row) {
        return live.clusterOf(row);
    }

    @Override
    public int[] activeClusters() {
        return tree.activeIds();
    }

    @Override
    public int[] members(int cluster) {
        return live.members(cluster);
    }

    @Override
    public double[] cholesky(int cluster) {
        return tree.get(cluster).cholesky;
    }

    @Override
    public int nextSeed(int cluster) {
        return tree.nextSeed(cluster, live);
    }
}
