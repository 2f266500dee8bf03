package org.splitbnn.sampler;

import java.util.Arrays;

/**
 * The relative variance each child's volume share gathered while its region was cut off from its siblings' before a
 * split. From the moment the contour rose above the lowest point of the segment between the child's best point and
 * its best sibling's (the saddle, as far as a straight path sees it), a new point seeded in the parent stays in the
 * region of its seed, so the region's count follows its own births and deaths rather than its volume, and the count
 * it held when cut off stays the measure of its share however much it grows. For a share f = n / n_parent, with n
 * the region's live points (dead points classified by their nearest member of a child): each birth in the parent
 * adds (1 - f) / (n n_parent), which sums to about the difference between the relative variance of the count when
 * cut off and that of the count now (the split's Dirichlet share holds the latter); each death in the region adds
 * (1 - f) / n^2, the scatter of how many of its points died (seeds taken in turn, {@link LivePoints#nextSeed}, add
 * none of their own). The prior stage adds nothing: its deaths are not replaced. Nor does a death whose replacement
 * was drawn in proportion to volume (a region sampler's draw): such births restore each region's count towards its
 * volume share, so the count at the split is a fresh draw that the split's Dirichlet share already holds.
 */
final class UrnVariance {

    private UrnVariance() {
    }

    /**
     * The urn variance of each child of a split, indexed by child label. Reads the run's state without changing it;
     * the likelihood calls of the saddle searches are added to {@code calls} (inside, outside the support).
     *
     * @param firstReplaced the first dead point whose replacement was drawn (the deaths of the prior stage come
     *                      before it)
     */
    static double[] of(Problem problem, LiveSet live, DeadPoints dead, int firstReplaced, ClusterTree.Split split,
                       long[] calls) {
        int now = dead.size();
        int k = split.k();
        int[] rows = split.rows();
        int[] labels = split.labels();
        double[] var = new double[k];
        if (now == 0) {
            return var;
        }
        int dim = live.dimension();
        int[] top = new int[k];
        Arrays.fill(top, -1);
        for (int i = 0; i < rows.length; i++) {
            int j = labels[i];
            if (top[j] < 0 || live.logL(rows[i]) > live.logL(top[j])) {
                top[j] = rows[i];
            }
        }
        double logLStar = dead.logL()[now - 1];
        int[] sep = new int[k];
        int sepMin = now;
        double[] a = new double[dim];
        double[] b = new double[dim];
        double[] u = new double[dim];
        double[] t = new double[dim];
        for (int j = 0; j < k; j++) {
            int other = -1;
            for (int o = 0; o < k; o++) {
                if (o != j && (other < 0 || live.logL(top[o]) > live.logL(other))) {
                    other = top[o];
                }
            }
            System.arraycopy(live.unit(), top[j] * dim, a, 0, dim);
            System.arraycopy(live.unit(), other * dim, b, 0, dim);
            double saddle = ModeMerging.lowestAlong(problem, a, b, Double.NEGATIVE_INFINITY, u, t, calls);
            // The prior stage's deaths are not replaced, so the urn starts after them at the earliest.
            sep[j] = saddle >= logLStar ? now : Math.min(now, Math.max(dead.firstAbove(saddle, now), firstReplaced));
            sepMin = Math.min(sepMin, sep[j]);
        }
        if (sepMin == now) {
            return var;
        }
        int span = now - sepMin;
        int[][] delta = new int[k][span + 1];
        int[] regionOfDead = new int[span];
        for (int d = sepMin; d < now; d++) {
            if (dead.cluster()[d] == split.parent()) {
                int j = labels[live.nearestInTheta(dead.theta(), d * dim, rows)];
                regionOfDead[d - sepMin] = j;
                delta[j][Math.max(dead.firstAbove(dead.birth()[d], now), sepMin) - sepMin]++;
                delta[j][d + 1 - sepMin]--;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            delta[labels[i]][Math.max(dead.firstAbove(live.birth(rows[i]), now), sepMin) - sepMin]++;
        }
        int[] n = new int[k];
        for (int i = sepMin; i < now; i++) {
            for (int j = 0; j < k; j++) {
                n[j] += delta[j][i - sepMin];
            }
            if (dead.cluster()[i] != split.parent() || dead.replacedByVolume(i)) {
                continue;
            }
            double nParent = dead.nLocal()[i];
            for (int j = 0; j < k; j++) {
                if (i >= sep[j] && n[j] > 0) {
                    var[j] += (1 - n[j] / nParent) / (n[j] * nParent);
                }
            }
            int dying = regionOfDead[i - sepMin];
            if (i >= sep[dying] && n[dying] > 0) {
                var[dying] += (1 - n[dying] / nParent) / ((double) n[dying] * n[dying]);
            }
        }
        return var;
    }
}
