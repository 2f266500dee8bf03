package org.splitbnn.sampler;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws a new point inside a likelihood contour by slice sampling (Neal 2003) in unit-hypercube coordinates: from a
 * seed point, a chain of steps along random orthonormal directions shaped by a cluster's Cholesky factor, each step
 * stepping out an interval of fixed width (in units of the shaped direction) and then shrinking it until a point
 * inside the contour is drawn. Points outside the hypercube or outside the prior's support are outside every slice.
 *
 * <p>Keeps its buffers between calls: one instance per run, used from one thread.
 */
final class SliceSampler implements NewPointSampler {

    /** Initial slice width along a shaped direction, in units of the live points' spread (calibrated so that the
     * likelihood calls match PolyChordLite's on the standard problems). */
    static final double STEP_WIDTH = 3.0;
    /** Bound on step-out expansions and shrinkage steps per side, so a degenerate direction cannot hang a run. */
    private static final int MAX_STEPS = 10_000;

    private final Problem problem;
    private final int dim;
    private final UniformRandomProvider rng;
    private final int numRepeats;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private final double[] x;
    private final double[] y;
    private final double[] direction;
    private final double[] basis;
    private final double[] theta;
    private int basisUsed;
    private long nLikelihood;
    private long nOutsideSupport;

    /** A slice sampler running chains of {@code numRepeats} steps. */
    SliceSampler(Problem problem, UniformRandomProvider rng, int numRepeats) {
        this.problem = problem;
        this.numRepeats = numRepeats;
        this.dim = problem.dimension();
        this.rng = rng;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.x = new double[dim];
        this.y = new double[dim];
        this.direction = new double[dim];
        this.basis = new double[dim * dim];
        this.theta = new double[dim];
        this.basisUsed = dim;
    }

    /** Slice-sampling steps per new point. */
    int numRepeats() {
        return numRepeats;
    }

    @Override
    public boolean lastDrawSeeded() {
        return true;
    }

    @Override
    public long likelihoodCalls() {
        return nLikelihood;
    }

    @Override
    public long outsideSupportCalls() {
        return nOutsideSupport;
    }

    /** A chain of {@code numRepeats} steps from a live point of the cluster, shaped by the cluster's factor. */
    @Override
    public double draw(LivePoints live, int cluster, double logLStar, double[] outUnit, double[] outTheta) {
        int seed = live.nextSeed(cluster);
        return sample(live.unit(), seed * dim, live.logL(seed), live.cholesky(cluster), logLStar, numRepeats,
                outUnit, outTheta);
    }

    /**
     * Runs a chain of slice-sampling steps from a seed point.
     *
     * @param seed      unit-hypercube coordinates of points, the seed starting at {@code seedOffset}
     * @param seedOffset where the seed point starts in {@code seed}
     * @param seedLogL  its log-likelihood
     * @param cholesky  lower Cholesky factor shaping the directions, row-major dim x dim
     * @param logLStar  the contour: points must have a log-likelihood strictly above it
     * @param steps     number of slice-sampling steps
     * @param outUnit   receives the new point's unit-hypercube coordinates
     * @param outTheta  receives its physical parameters
     * @return its log-likelihood
     */
    double sample(double[] seed, int seedOffset, double seedLogL, double[] cholesky, double logLStar, int steps,
                  double[] outUnit, double[] outTheta) {
        System.arraycopy(seed, seedOffset, x, 0, dim);
        double logLx = seedLogL;
        for (int step = 0; step < steps; step++) {
            nextDirection(cholesky);
            double r = rng.nextDouble();
            double left = -r * STEP_WIDTH;
            double right = (1 - r) * STEP_WIDTH;
            for (int k = 0; k < MAX_STEPS && !Double.isNaN(inside(left, logLStar)); k++) {
                left -= STEP_WIDTH;
            }
            for (int k = 0; k < MAX_STEPS && !Double.isNaN(inside(right, logLStar)); k++) {
                right += STEP_WIDTH;
            }
            for (int k = 0; k < MAX_STEPS; k++) {
                double s = left + rng.nextDouble() * (right - left);
                double logLy = inside(s, logLStar);
                if (!Double.isNaN(logLy)) {
                    System.arraycopy(y, 0, x, 0, dim);
                    logLx = logLy;
                    break;
                }
                if (s < 0) {
                    left = s;
                } else {
                    right = s;
                }
            }
        }
        System.arraycopy(x, 0, outUnit, 0, dim);
        problem.fromUnitCube(x, outTheta);
        return logLx;
    }

    /** Marks a point outside the slice (test with {@link Double#isNaN}). */
    private static final double NOT_INSIDE = Double.NaN;

    /**
     * Whether x + s * direction lies inside the contour: its log-likelihood if so (the point is left in {@code y}),
     * {@link #NOT_INSIDE} otherwise.
     */
    private double inside(double s, double logLStar) {
        for (int i = 0; i < dim; i++) {
            double v = x[i] + s * direction[i];
            if (!(v >= 0.0 && v < 1.0)) {
                return NOT_INSIDE;
            }
            y[i] = v;
        }
        problem.fromUnitCube(y, theta);
        double logL = problem.logLikelihood(theta);
        if (Problem.isOutsideSupport(logL)) {
            NestedSampler.checkNotNaN(logL, theta);
            nOutsideSupport++;
            return NOT_INSIDE;
        }
        nLikelihood++;
        return logL > logLStar ? logL : NOT_INSIDE;
    }

    /** The next direction of the current random orthonormal basis, shaped by the Cholesky factor. */
    private void nextDirection(double[] cholesky) {
        if (basisUsed == dim) {
            randomOrthonormalBasis();
            basisUsed = 0;
        }
        int off = basisUsed * dim;
        for (int i = 0; i < dim; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[i * dim + j] * basis[off + j];
            }
            direction[i] = s;
        }
        basisUsed++;
    }

    /** Gram-Schmidt on Gaussian vectors: a uniformly random orthonormal basis, one vector per row. */
    private void randomOrthonormalBasis() {
        for (int v = 0; v < dim; v++) {
            int off = v * dim;
            double norm;
            do {
                for (int i = 0; i < dim; i++) {
                    basis[off + i] = gaussian.sample();
                }
                for (int w = 0; w < v; w++) {
                    int ow = w * dim;
                    double dot = 0;
                    for (int i = 0; i < dim; i++) {
                        dot += basis[off + i] * basis[ow + i];
                    }
                    for (int i = 0; i < dim; i++) {
                        basis[off + i] -= dot * basis[ow + i];
                    }
                }
                norm = 0;
                for (int i = 0; i < dim; i++) {
                    norm += basis[off + i] * basis[off + i];
                }
            } while (norm < 1e-20);
            double inv = 1 / Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                basis[off + i] *= inv;
            }
        }
    }
}
