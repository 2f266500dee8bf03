package org.splitbnn.sampler;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Rejection sampling from a bounding region of each cluster's live points (MLFriends: balls around the live points
 * inside a MultiNest-style ellipsoid, both enlarged by bootstrapping), with slice steps where the region accepts too
 * rarely.
 *
 * <p>A cluster's region is the intersection of the unit hypercube, its {@link BoundingEllipsoid} and its
 * {@link BallUnion} (UltraNest's MLFriends region). It is built when the cluster is first drawn from and rebuilt after
 * {@link #REBUILD_FRACTION} x (its live points) draws from it, so it follows the shrinking contour (an old region
 * still bounds the smaller contour, it only accepts less). The cluster is chosen by the nested sampler in proportion
 * to its volume, as for slice sampling; where the regions of several active clusters overlap, a point is kept with
 * probability 1 / (regions containing it), so that the union is drawn uniformly (MultiNest's rule), before its
 * likelihood is computed.
 *
 * <p><b>Fallback to slice steps.</b> A slice chain costs about {@link #CALLS_PER_SLICE_STEP} likelihood calls per
 * step, so about 4 x num_repeats per new point; the region is used while its acceptance rate (points inside the
 * contour per likelihood call, since it was built) is at least {@code 1 / (4 x num_repeats)}, that is while it
 * needs fewer calls per new point than slice sampling. A cluster whose region falls below that rate (after enough
 * calls to tell), a new point not found within that many calls, or a cluster too small or degenerate for an
 * ellipsoid or for bootstrapping one, get slice steps instead, until the region is rebuilt.
 *
 * <p>Deterministic: draws only from the run's generator. One instance per run, used from one thread.
 */
final class RegionSampler implements NewPointSampler {

    /** Draws from a cluster's region, as a fraction of its live points, after which the region is rebuilt. */
    static final double REBUILD_FRACTION = 0.5;
    /** Likelihood calls a slice step costs at least: about two to step out and one or two to shrink. */
    static final int CALLS_PER_SLICE_STEP = 4;
    /**
     * Proposals per likelihood call a new point may take (a proposal costs a scan of the cluster's live points, about
     * as much as a likelihood call here); past {@code PROPOSALS_PER_CALL x 4 x num_repeats} proposals per new point,
     * the region gives way to slice steps as for too few acceptances.
     */
    static final int PROPOSALS_PER_CALL = 10;
    /** One proposal in this many uses the sampling strategy that has kept fewer candidates, to keep measuring it. */
    static final int EXPLORE = 10;

    private final Problem problem;
    private final int dim;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private final SliceSampler fallback;
    private final double minAcceptance;
    private final int maxCallsPerPoint;
    private final int maxProposalsPerPoint;
    private final Map<Integer, Region> regions = new HashMap<>();
    private final double[] x;
    private final double[] theta;
    private boolean lastDrawSeeded;
    private long nLikelihood;
    private long nOutsideSupport;

    /** A cluster's current region and its acceptance since it was built. */
    private static final class Region {
        final BoundingEllipsoid ellipsoid;
        final BallUnion balls;
        final int rebuildAfter;
        int draws;
        long proposals;
        long boundTries;
        long boundHits;
        long ballTries;
        long ballHits;
        long calls;
        long accepted;

        Region(BoundingEllipsoid ellipsoid, BallUnion balls, int liveCount) {
            this.ellipsoid = ellipsoid;
            this.balls = balls;
            this.rebuildAfter = Math.max(1, (int) Math.ceil(REBUILD_FRACTION * liveCount));
        }
    }

    RegionSampler(Problem problem, UniformRandomProvider rng, SliceSampler fallback) {
        this.problem = problem;
        this.dim = problem.dimension();
        this.rng = rng;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.fallback = fallback;
        this.maxCallsPerPoint = CALLS_PER_SLICE_STEP * fallback.numRepeats();
        this.maxProposalsPerPoint = PROPOSALS_PER_CALL * maxCallsPerPoint;
        this.minAcceptance = 1.0 / maxCallsPerPoint;
        this.x = new double[dim];
        this.theta = new double[dim];
    }

    @Override
    public boolean lastDrawSeeded() {
        return lastDrawSeeded;
    }

    @Override
    public long likelihoodCalls() {
        return nLikelihood + fallback.likelihoodCalls();
    }

    @Override
    public long outsideSupportCalls() {
        return nOutsideSupport + fallback.outsideSupportCalls();
    }

    @Override
    public double draw(LivePoints live, int cluster, double logLStar, double[] outUnit, double[] outTheta) {
        Region r = regionOf(live, cluster);
        r.draws++;
        if (r.ellipsoid != null && !tooRare(r)) {
            int[] active = live.activeClusters();
            long calls = 0;
            for (int p = 0; p < maxProposalsPerPoint && calls < maxCallsPerPoint; p++) {
                r.proposals++;
                if (!propose(r) || !keepInOverlap(live, active, cluster)) {
                    continue;
                }
                problem.fromUnitCube(x, theta);
                double l = problem.logLikelihood(theta);
                calls++;
                r.calls++;
                if (Problem.isOutsideSupport(l)) {
                    NestedSampler.checkNotNaN(l, theta);
                    nOutsideSupport++;
                    continue;
                }
                nLikelihood++;
                if (l > logLStar) {
                    r.accepted++;
                    lastDrawSeeded = false;
                    System.arraycopy(x, 0, outUnit, 0, dim);
                    System.arraycopy(theta, 0, outTheta, 0, dim);
                    return l;
                }
            }
        }
        lastDrawSeeded = true;
        return fallback.draw(live, cluster, logLStar, outUnit, outTheta);
    }

    /** Whether the region has had enough calls to tell, and accepted less than the threshold. */
    private boolean tooRare(Region r) {
        return r.calls >= maxCallsPerPoint && r.accepted < minAcceptance * r.calls
                || r.proposals >= maxProposalsPerPoint && r.accepted * maxProposalsPerPoint < r.proposals;
    }

    /** The region of a cluster, built now if it has none or has been drawn from long enough. */
    private Region regionOf(LivePoints live, int cluster) {
        Region r = regions.get(cluster);
        if (r == null || r.draws >= r.rebuildAfter) {
            int[] rows = live.members(cluster);
            BoundingEllipsoid e = BoundingEllipsoid.of(live.unit(), rows, dim, rng);
            BallUnion b = e == null ? null : BallUnion.of(live.unit(), rows, e, rng);
            r = new Region(e, b, rows.length);
            regions.put(cluster, r);
        }
        return r;
    }

    /**
     * Draws a candidate into {@code x} uniformly from the region: from the union of balls (then kept when inside the
     * hypercube, the ellipsoid and no ball before the one drawn from) or from the smaller of the ellipsoid and the
     * hypercube (then kept when inside the other and a ball), whichever has kept more of its candidates so far; the
     * other is still tried on one proposal in {@link #EXPLORE}.
     */
    private boolean propose(Region r) {
        boolean fromBalls = (r.ballHits + 1) * (r.boundTries + 2) >= (r.boundHits + 1) * (r.ballTries + 2);
        if (r.proposals % EXPLORE == 0) {
            fromBalls = !fromBalls;
        }
        boolean kept;
        if (fromBalls) {
            r.ballTries++;
            int ball = r.balls.sample(rng, gaussian, x);
            kept = insideCube() && r.ellipsoid.contains(x) && r.balls.firstContaining(x, ball);
            if (kept) {
                r.ballHits++;
            }
        } else {
            r.boundTries++;
            if (r.ellipsoid.logVolume() < 0) {
                r.ellipsoid.sample(rng, gaussian, x);
                kept = insideCube() && r.balls.contains(x);
            } else {
                for (int i = 0; i < dim; i++) {
                    x[i] = rng.nextDouble();
                }
                kept = r.ellipsoid.contains(x) && r.balls.contains(x);
            }
            if (kept) {
                r.boundHits++;
            }
        }
        return kept;
    }

    private boolean insideCube() {
        for (double v : x) {
            if (!(v >= 0.0 && v < 1.0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps a candidate drawn from one cluster's region with probability 1 / (active regions containing it). A
     * cluster without an ellipsoid bounds nothing here; its points come from slice steps.
     */
    private boolean keepInOverlap(LivePoints live, int[] active, int cluster) {
        if (active.length < 2) {
            return true;
        }
        int inside = 0;
        for (int other : active) {
            if (other == cluster) {
                inside++;
                continue;
            }
            Region r = regionOf(live, other);
            if (r.ellipsoid != null && r.ellipsoid.contains(x) && r.balls.contains(x)) {
                inside++;
            }
        }
        return inside == 1 || rng.nextInt(inside) == 0;
    }
}
