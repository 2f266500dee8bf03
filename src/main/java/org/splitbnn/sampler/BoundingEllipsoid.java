package org.splitbnn.sampler;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * An ellipsoid {x : (x - mean)' C^-1 (x - mean) &lt;= r^2} bounding a set of points, with C their covariance and r
 * enlarged by bootstrapping (Buchner 2016, 2019, as in MLFriends/UltraNest): the ellipsoid of each resample (drawn
 * with replacement) must still contain the points the resample left out, and r^2 is the largest distance^2 of any
 * point times the largest ratio, over the rounds, of the left-out points' largest distance^2 to the resample's.
 * So points of the contour that no live point happens to mark are still inside, as the left-out points are.
 */
final class BoundingEllipsoid {

    /** Bootstrap rounds (UltraNest's default). */
    static final int BOOTSTRAP_ROUNDS = 30;

    private final int dim;
    private final double[] mean;
    private final double[] cholesky;
    private final double radius2;
    private final double logVolume;
    private final double[] scratch;

    private BoundingEllipsoid(int dim, double[] mean, double[] cholesky, double radius2) {
        this.dim = dim;
        this.mean = mean;
        this.cholesky = cholesky;
        this.radius2 = radius2;
        double logDet = 0;
        for (int i = 0; i < dim; i++) {
            logDet += Math.log(cholesky[i * dim + i]);
        }
        this.logVolume = logUnitBallVolume(dim) + 0.5 * dim * Math.log(radius2) + logDet;
        this.scratch = new double[dim];
    }

    /**
     * The bootstrapped bounding ellipsoid of the selected points, or null when they are too few (at most
     * {@code dim + 1}) or too degenerate for a positive-definite covariance, or when a bootstrap resample is: then
     * the points are too few to tell how far the region extends beyond them.
     *
     * @param points row-major points, {@code dim} coordinates each
     * @param rows   which rows bound the ellipsoid
     * @param dim    dimension
     * @param rng    draws the bootstrap resamples
     */
    static BoundingEllipsoid of(double[] points, int[] rows, int dim, UniformRandomProvider rng) {
        int n = rows.length;
        if (n <= dim + 1) {
            return null;
        }
        double[] mean = new double[dim];
        double[] cov = new double[dim * dim];
        double[] factor = new double[dim * dim];
        double[] x = new double[dim];
        Whitening.meanAndCovariance(points, rows, n, dim, mean, cov);
        if (!Whitening.cholesky(cov, dim, factor)) {
            return null;
        }
        double maxAll = 0;
        for (int row : rows) {
            maxAll = Math.max(maxAll, distance2(points, row * dim, mean, factor, dim, x, Double.POSITIVE_INFINITY));
        }
        double enlargement = 1;
        int[] resample = new int[n];
        boolean[] chosen = new boolean[n];
        double[] bMean = new double[dim];
        double[] bFactor = new double[dim * dim];
        for (int round = 0; round < BOOTSTRAP_ROUNDS; round++) {
            java.util.Arrays.fill(chosen, false);
            for (int k = 0; k < n; k++) {
                int pick = rng.nextInt(n);
                chosen[pick] = true;
                resample[k] = rows[pick];
            }
            Whitening.meanAndCovariance(points, resample, n, dim, bMean, cov);
            if (!Whitening.cholesky(cov, dim, bFactor)) {
                return null;
            }
            double maxIn = 0;
            double maxOut = 0;
            for (int k = 0; k < n; k++) {
                double d2 = distance2(points, rows[k] * dim, bMean, bFactor, dim, x, Double.POSITIVE_INFINITY);
                if (chosen[k]) {
                    maxIn = Math.max(maxIn, d2);
                } else {
                    maxOut = Math.max(maxOut, d2);
                }
            }
            if (maxIn > 0) {
                enlargement = Math.max(enlargement, maxOut / maxIn);
            }
        }
        return new BoundingEllipsoid(dim, mean, factor, maxAll * enlargement);
    }

    /** Log of its volume, in units of the unit hypercube's. */
    double logVolume() {
        return logVolume;
    }

    /** Whether a point lies inside. */
    boolean contains(double[] u) {
        return distance2(u, 0, mean, cholesky, dim, scratch, radius2) <= radius2;
    }

    /**
     * Draws a point uniformly from the ellipsoid: a uniform direction, a radius with density proportional to
     * r^(dim - 1), mapped through the Cholesky factor.
     */
    void sample(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gaussian, double[] out) {
        double norm2 = 0;
        for (int i = 0; i < dim; i++) {
            scratch[i] = gaussian.sample();
            norm2 += scratch[i] * scratch[i];
        }
        double scale = Math.sqrt(radius2) * Math.pow(rng.nextDouble(), 1.0 / dim) / Math.sqrt(norm2);
        for (int i = 0; i < dim; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[i * dim + j] * scratch[j];
            }
            out[i] = mean[i] + scale * s;
        }
    }

    /** Dimension. */
    int dimension() {
        return dim;
    }

    /**
     * Whitened coordinates of a point: L^-1 (x - mean), with L the Cholesky factor of the points' covariance, so
     * that the points have unit covariance.
     */
    void whiten(double[] points, int off, double[] out) {
        distance2(points, off, mean, cholesky, dim, out, Double.POSITIVE_INFINITY);
    }

    /** The point of whitened coordinates {@code w}: mean + L w. */
    void unwhiten(double[] w, double[] out) {
        for (int i = 0; i < dim; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[i * dim + j] * w[j];
            }
            out[i] = mean[i] + s;
        }
    }

    /**
     * Squared Mahalanobis distance of a point from a centre, by forward substitution with L into {@code y}; stopped
     * (and then a partial sum above {@code bound}, with only part of {@code y} filled) once the sum, which only
     * grows, exceeds {@code bound}.
     */
    private static double distance2(double[] points, int off, double[] centre, double[] l, int dim, double[] y,
                                    double bound) {
        double d2 = 0;
        for (int i = 0; i < dim && d2 <= bound; i++) {
            double s = points[off + i] - centre[i];
            for (int j = 0; j < i; j++) {
                s -= l[i * dim + j] * y[j];
            }
            y[i] = s / l[i * dim + i];
            d2 += y[i] * y[i];
        }
        return d2;
    }

    /** Log-volume of the unit ball in {@code dim} dimensions: (dim / 2) log pi - log Gamma(dim / 2 + 1). */
    static double logUnitBallVolume(int dim) {
        return 0.5 * dim * Math.log(Math.PI) - Gamma.logGamma(0.5 * dim + 1);
    }
}
