package org.splitbnn.sampler;

/**
 * Groups the leaf clusters of a run into modes, calling the likelihood along a few straight segments. A segment
 * "crosses a valley" when the log-likelihood at its {@link #SEGMENT_STEPS} - 1 evenly spaced interior points falls more
 * than {@link #VALLEY_DEPTH} below its lower end. Two tests join leaves:
 * <ol>
 * <li><b>Connected at the end.</b> Two leaves that still hold live points are one mode when the segment between their
 * closest pair of final live points crosses no valley: their regions above the final contour touch. Applied to every
 * pair of such leaves (single linkage), this joins a curved or correlated peak cut into arcs.</li>
 * <li><b>No valley between the tops.</b> The groups so formed are taken in order of their best point, highest first;
 * each joins the first earlier mode whose top point, or whose final live point nearest its own top, it reaches by a
 * straight segment from its own top without a valley, or starts a new mode. This joins a leaf that died out on a
 * peak's flank (or on a shell's arc) to the peak. Testing against each
 * mode's top or live points only (never leaf to leaf) keeps a leaf on a saddle between two peaks from chaining
 * them: it joins one of them.</li>
 * </ol>
 * Separate peaks (the eggbox, the shells, mixture components, the network's symmetry images) are separated by
 * valleys many nats deep and stay apart.
 */
final class ModeMerging {

    /**
     * Depth, in nats below the lower end, that makes a dip along the segment a valley. A log-concave peak has no dip
     * at all along any segment; one nat (a likelihood e^-1 of the lower end) tolerates the small dip of a straight
     * segment across a curved ridge between nearby points, and is far below the valleys between real peaks.
     */
    static final double VALLEY_DEPTH = 1.0;

    /** Segment pieces: likelihood calls per test at most SEGMENT_STEPS - 1. */
    static final int SEGMENT_STEPS = 16;

    /** The modes and the likelihood calls spent finding them. */
    record Grouping(int[] modeOfLeaf, int nModes, long nLikelihood, long nOutsideSupport) {
    }

    private ModeMerging() {
    }

    /**
     * Groups leaves into modes.
     *
     * @param problem  the problem (its likelihood is called along the segments)
     * @param bestUnit each leaf's best point, unit-hypercube coordinates
     * @param bestLogL its log-likelihood
     * @param liveUnit each leaf's final live points, unit-hypercube coordinates row-major (empty when none)
     * @param liveLogL their log-likelihoods
     * @return for each leaf its mode, numbered from 0 in order of the modes' top points
     */
    static Grouping group(Problem problem, double[][] bestUnit, double[] bestLogL, double[][] liveUnit,
                          double[][] liveLogL) {
        int n = bestLogL.length;
        int dim = problem.dimension();
        long[] calls = new long[2];
        double[] u = new double[dim];
        double[] theta = new double[dim];
        double[] a = new double[dim];
        double[] b = new double[dim];
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (liveLogL[i].length == 0 || liveLogL[j].length == 0 || find(parent, i) == find(parent, j)) {
                    continue;
                }
                double lower = closestPair(liveUnit[i], liveLogL[i], liveUnit[j], liveLogL[j], dim, a, b);
                if (noValley(problem, a, b, lower, u, theta, calls)) {
                    parent[Math.max(find(parent, i), find(parent, j))] = Math.min(find(parent, i), find(parent, j));
                }
            }
        }
        // Each group's top leaf, groups in order of their top's log-likelihood.
        int[] topOf = new int[n];
        java.util.Arrays.fill(topOf, -1);
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (topOf[r] < 0 || bestLogL[i] > bestLogL[topOf[r]]) {
                topOf[r] = i;
            }
        }
        Integer[] order = java.util.stream.IntStream.range(0, n).filter(i -> topOf[i] >= 0).boxed()
                .toArray(Integer[]::new);
        java.util.Arrays.sort(order, (x, y) -> Double.compare(bestLogL[topOf[y]], bestLogL[topOf[x]]));
        int[] modeOfGroup = new int[n];
        java.util.Arrays.fill(modeOfGroup, -1);
        int[] top = new int[n];
        int nModes = 0;
        for (int g : order) {
            int i = topOf[g];
            int mode = -1;
            for (int m = 0; m < nModes && mode < 0; m++) {
                if (noValley(problem, bestUnit[top[m]], bestUnit[i], bestLogL[i], u, theta, calls)) {
                    mode = m;
                    continue;
                }
                // Or from its top to the mode's nearest final live point (a shell's arc that died out).
                double lower = nearestLive(bestUnit[i], m, modeOfGroup, parent, liveUnit, liveLogL, dim, a);
                if (lower > Double.NEGATIVE_INFINITY
                        && noValley(problem, a, bestUnit[i], Math.min(lower, bestLogL[i]), u, theta, calls)) {
                    mode = m;
                }
            }
            if (mode < 0) {
                mode = nModes++;
                top[mode] = i;
            }
            modeOfGroup[g] = mode;
        }
        int[] modeOf = new int[n];
        for (int i = 0; i < n; i++) {
            modeOf[i] = modeOfGroup[find(parent, i)];
        }
        return new Grouping(modeOf, nModes, calls[0], calls[1]);
    }

    /**
     * The final live point nearest {@code p} among the leaves already in mode m, copied into {@code out}.
     *
     * @return its log-likelihood, or -infinity when the mode holds no live points
     */
    private static double nearestLive(double[] p, int m, int[] modeOfGroup, int[] parent, double[][] liveUnit,
                                      double[][] liveLogL, int dim, double[] out) {
        double best = Double.POSITIVE_INFINITY;
        double logL = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < liveUnit.length; l++) {
            if (modeOfGroup[find(parent, l)] != m) {
                continue;
            }
            for (int j = 0; j < liveLogL[l].length; j++) {
                double d2 = 0;
                for (int k = 0; k < dim && d2 < best; k++) {
                    double d = liveUnit[l][j * dim + k] - p[k];
                    d2 += d * d;
                }
                if (d2 < best) {
                    best = d2;
                    logL = liveLogL[l][j];
                    System.arraycopy(liveUnit[l], j * dim, out, 0, dim);
                }
            }
        }
        return logL;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /**
     * The closest pair of points between two sets, copied into a and b.
     *
     * @return the lower log-likelihood of the pair
     */
    private static double closestPair(double[] pu, double[] pl, double[] qu, double[] ql, int dim, double[] a,
                                      double[] b) {
        double best = Double.POSITIVE_INFINITY;
        int bi = 0;
        int bj = 0;
        for (int i = 0; i < pl.length; i++) {
            for (int j = 0; j < ql.length; j++) {
                double d2 = 0;
                for (int k = 0; k < dim && d2 < best; k++) {
                    double d = pu[i * dim + k] - qu[j * dim + k];
                    d2 += d * d;
                }
                if (d2 < best) {
                    best = d2;
                    bi = i;
                    bj = j;
                }
            }
        }
        System.arraycopy(pu, bi * dim, a, 0, dim);
        System.arraycopy(qu, bj * dim, b, 0, dim);
        return Math.min(pl[bi], ql[bj]);
    }

    /** Whether the segment from a to b stays above lowerEnd - VALLEY_DEPTH; counts the calls in calls[0 or 1]. */
    private static boolean noValley(Problem problem, double[] a, double[] b, double lowerEnd, double[] u,
                                    double[] theta, long[] calls) {
        return lowestAlong(problem, a, b, lowerEnd - VALLEY_DEPTH, u, theta, calls) >= lowerEnd - VALLEY_DEPTH;
    }

    /**
     * The lowest log-likelihood at the interior points of the segment from a to b (unit-hypercube coordinates),
     * -infinity where it leaves the support; stops early once it is below {@code floor}. Counts the calls inside
     * the support in calls[0] and outside it in calls[1].
     */
    static double lowestAlong(Problem problem, double[] a, double[] b, double floor, double[] u, double[] theta,
                              long[] calls) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int s = 1; s < SEGMENT_STEPS && lowest >= floor; s++) {
            double f = s / (double) SEGMENT_STEPS;
            for (int j = 0; j < u.length; j++) {
                u[j] = a[j] + f * (b[j] - a[j]);
            }
            problem.fromUnitCube(u, theta);
            double logL = problem.logLikelihood(theta);
            if (Problem.isOutsideSupport(logL)) {
                NestedSampler.checkNotNaN(logL, theta);
                calls[1]++;
                return Double.NEGATIVE_INFINITY;
            }
            calls[0]++;
            lowest = Math.min(lowest, logL);
        }
        return lowest;
    }
}
