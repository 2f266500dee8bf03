package org.splitbnn.sampler;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * MLFriends (Buchner 2016, 2019): the union of balls of one radius around a set of points, in coordinates whitened by
 * their {@link BoundingEllipsoid}. The radius is bootstrapped: over {@link BoundingEllipsoid#BOOTSTRAP_ROUNDS}
 * resamples drawn with replacement, the largest distance from a left-out point to its nearest resampled point, so
 * that the union of the balls around part of the points would still have covered the rest.
 */
final class BallUnion {

    private final BoundingEllipsoid metric;
    private final int dim;
    private final int n;
    /** The whitened centres. */
    private final CentreScan centres;
    private final double radius;
    private final double radius2;
    private final double[] w;
    private final double[] g;

    private BallUnion(BoundingEllipsoid metric, double[] whitened, int n, double radius) {
        this.metric = metric;
        this.dim = metric.dimension();
        this.n = n;
        this.centres = CentreScan.of(whitened, n, dim);
        this.radius = radius;
        this.radius2 = radius * radius;
        this.w = new double[dim];
        this.g = new double[dim];
    }

    /**
     * The union of balls around the selected points, in the metric of their ellipsoid.
     *
     * @param points row-major points
     * @param rows   which rows the balls are centred on
     * @param metric the points' bounding ellipsoid, whose covariance whitens them
     * @param rng    draws the bootstrap resamples
     */
    static BallUnion of(double[] points, int[] rows, BoundingEllipsoid metric, UniformRandomProvider rng) {
        int dim = metric.dimension();
        int n = rows.length;
        double[] whitened = new double[n * dim];
        double[] y = new double[dim];
        for (int k = 0; k < n; k++) {
            metric.whiten(points, rows[k] * dim, y);
            System.arraycopy(y, 0, whitened, k * dim, dim);
        }
        boolean[] chosen = new boolean[n];
        double[] resample = new double[n * dim];
        double max2 = 0;
        for (int round = 0; round < BoundingEllipsoid.BOOTSTRAP_ROUNDS; round++) {
            java.util.Arrays.fill(chosen, false);
            for (int k = 0; k < n; k++) {
                chosen[rng.nextInt(n)] = true;
            }
            int nIn = 0;
            for (int k = 0; k < n; k++) {
                if (chosen[k]) {
                    System.arraycopy(whitened, k * dim, resample, nIn++ * dim, dim);
                }
            }
            CentreScan in = CentreScan.of(resample, nIn, dim);
            for (int k = 0; k < n; k++) {
                if (!chosen[k]) {
                    System.arraycopy(whitened, k * dim, y, 0, dim);
                    if (!in.anyWithin(y, max2, nIn)) {
                        max2 = in.nearest2(y);
                    }
                }
            }
        }
        return new BallUnion(metric, whitened, n, Math.sqrt(max2));
    }

    /** Whether a point (unit-hypercube coordinates) lies in some ball. */
    boolean contains(double[] u) {
        metric.whiten(u, 0, w);
        return centres.anyWithin(w, radius2, n);
    }

    /**
     * Draws a uniform point of a ball chosen uniformly into {@code out} and returns the ball's index. Kept only when
     * {@link #firstContaining} that ball, the points kept are uniform on the union.
     */
    int sample(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian, double[] out) {
        int centre = rng.nextInt(n);
        double norm2 = 0;
        for (int i = 0; i < dim; i++) {
            g[i] = gaussian.sample();
            norm2 += g[i] * g[i];
        }
        double scale = radius * Math.pow(rng.nextDouble(), 1.0 / dim) / Math.sqrt(norm2);
        for (int i = 0; i < dim; i++) {
            w[i] = centres.coordinate(centre, i) + scale * g[i];
        }
        metric.unwhiten(w, out);
        return centre;
    }

    /**
     * Whether no ball of lower index than {@code ball} contains the point (unit-hypercube coordinates): a point in k
     * balls passes for exactly one of them, so a point drawn from a uniformly chosen ball passes with probability
     * 1 / k.
     */
    boolean firstContaining(double[] u, int ball) {
        metric.whiten(u, 0, w);
        return !centres.anyWithin(w, radius2, ball);
    }
}
