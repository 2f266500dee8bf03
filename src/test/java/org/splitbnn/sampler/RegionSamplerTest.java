package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.validation.ValidationProblems;

/** The region sampler's bounds (ellipsoid, union of balls) and a run with it. */
class RegionSamplerTest {

    private static final int DIM = 3;

    /** n points drawn uniformly from the ball of radius 0.2 around 0.5 (in every coordinate). */
    private static double[] ballPoints(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] p = new double[n * DIM];
        for (int k = 0; k < n; k++) {
            double norm2 = 0;
            double[] v = new double[DIM];
            for (int i = 0; i < DIM; i++) {
                v[i] = g.sample();
                norm2 += v[i] * v[i];
            }
            double r = 0.2 * Math.cbrt(rng.nextDouble()) / Math.sqrt(norm2);
            for (int i = 0; i < DIM; i++) {
                p[k * DIM + i] = 0.5 + r * v[i];
            }
        }
        return p;
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /**
     * The bootstrapped bounds cover the region the points were drawn from: of 2000 fresh points of the same ball, at
     * least 99% lie inside (the bootstrap is built to make a missed fraction unlikely; without enlargement the
     * ellipsoid through the 200 points' farthest one misses about 1 - (1 - 1/200)^... of the ball's edge).
     */
    @Test
    void boundsCoverTheRegionThePointsCameFrom() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(3L);
        double[] points = ballPoints(200, rng);
        BoundingEllipsoid e = BoundingEllipsoid.of(points, all(200), DIM, rng);
        BallUnion b = BallUnion.of(points, all(200), e, rng);
        double[] fresh = ballPoints(2000, rng);
        int inE = 0;
        int inB = 0;
        double[] u = new double[DIM];
        for (int k = 0; k < 2000; k++) {
            System.arraycopy(fresh, k * DIM, u, 0, DIM);
            inE += e.contains(u) ? 1 : 0;
            inB += b.contains(u) ? 1 : 0;
        }
        assertTrue(inE >= 0.99 * 2000, "ellipsoid covers " + inE + " of 2000");
        assertTrue(inB >= 0.99 * 2000, "balls cover " + inB + " of 2000");
        for (int k = 0; k < 200; k++) {
            System.arraycopy(points, k * DIM, u, 0, DIM);
            assertTrue(e.contains(u) && b.contains(u), "every live point is inside");
        }
    }

    /**
     * The ellipsoid's draws are uniform: the fraction inside the concentric ellipsoid of half the radius is
     * 0.5^3 = 0.125, within 4 binomial sigma over 40000 draws; its volume is that of a unit ball scaled by its axes.
     */
    @Test
    void ellipsoidDrawsAreUniform() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        double[] points = ballPoints(300, rng);
        BoundingEllipsoid e = BoundingEllipsoid.of(points, all(300), DIM, rng);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[DIM];
        double[] w = new double[DIM];
        double[] centre = new double[DIM];
        e.unwhiten(new double[DIM], centre);
        int n = 40000;
        double[] d2 = new double[n];
        double max = 0;
        for (int k = 0; k < n; k++) {
            e.sample(rng, g, x);
            assertTrue(e.contains(x));
            e.whiten(x, 0, w);
            d2[k] = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
            max = Math.max(max, d2[k]);
        }
        int inner = 0;
        for (double v : d2) {
            inner += v <= 0.25 * max ? 1 : 0;
        }
        double sigma = Math.sqrt(n * 0.125 * 0.875);
        assertEquals(0.125 * n, inner, 4 * sigma, "draws inside half the radius");
        assertEquals(Math.log(4 * Math.PI / 3), BoundingEllipsoid.logUnitBallVolume(3), 1e-12);
    }

    @Test
    void tooFewPointsGiveNoEllipsoid() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(1L);
        assertNull(BoundingEllipsoid.of(ballPoints(DIM + 1, rng), all(DIM + 1), DIM, rng));
    }

    /**
     * Six points in three dimensions have a positive-definite covariance, but a resample of six draws with replacement
     * holds at most three distinct points with probability 0.25, so one of the 30 bootstrap rounds does with
     * probability 1 - 0.75^30 > 0.9998: the points are too few to bootstrap the enlargement, and no ellipsoid is given
     * (rather than one through the points themselves, which would cut the region short).
     */
    @Test
    void tooFewPointsToBootstrapGiveNoEllipsoid() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(2L);
        double[] points = ballPoints(6, rng);
        double[] factor = new double[DIM * DIM];
        assertTrue(Whitening.choleskyOfCovariance(points, all(6), 6, DIM, factor), "the points themselves are fine");
        assertNull(BoundingEllipsoid.of(points, all(6), DIM, rng));
    }

    private static SamplerResult gauss9(long seed) {
        return NestedSampler.run(ValidationProblems.gauss9().problem(), SamplerSettings.defaults(9, seed)
                .withNlive(100).withSampler(SamplerKind.REGION), ProgressListener.QUIET);
    }

    /** Same seed, same bits; and the evidence is within 3 reported sigma of the truth (0 to 1e-6). */
    @Test
    void regionRunIsDeterministicAndFindsTheEvidence() {
        SamplerResult a = gauss9(11);
        SamplerResult b = gauss9(11);
        assertEquals(a.logZ(), b.logZ(), 0.0);
        assertEquals(a.nLikelihood(), b.nLikelihood());
        assertArrayEquals(a.posterior().theta(), b.posterior().theta(), 0.0);
        assertEquals(ValidationProblems.gauss9().truthLogZ(), a.logZ(), 3 * a.logZErr());
    }

    @Test
    void samplerKeysParse() {
        assertEquals(SamplerKind.REGION, SamplerKind.of("Region"));
        assertEquals("slice", SamplerKind.SLICE.key());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplerKind.of("gibbs")).getMessage()
                .contains("[slice, region]"));
    }
}
