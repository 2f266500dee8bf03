package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.validation.UnitCubeProblem;

class ContourSplitTest {

    /** Two Gaussian peaks of sd 0.05 at (0.25, 0.5) and (0.75, 0.5), the second 4.2 nats lower. */
    private static final Problem TWO_PEAKS = new UnitCubeProblem(2, 0, 1) {
        @Override
        public double logLikelihood(double[] t) {
            return LogMath.logAddExp(peak(t, 0.25, 0), peak(t, 0.75, -4.2));
        }

        private double peak(double[] t, double cx, double top) {
            double dx = (t[0] - cx) / 0.05;
            double dy = (t[1] - 0.5) / 0.05;
            return top - 0.5 * (dx * dx + dy * dy);
        }
    };

    /** A Gaussian with correlation 0.99 along the diagonal: its contours are long thin (convex) ellipses. */
    private static final Problem RIDGE = new UnitCubeProblem(2, 0, 1) {
        @Override
        public double logLikelihood(double[] t) {
            double a = (t[0] + t[1] - 1) / (Math.sqrt(2) * 0.2);
            double b = (t[0] - t[1]) / (Math.sqrt(2) * 0.005);
            return -0.5 * (a * a + b * b);
        }
    };

    private static double logL(Problem p, double[] u) {
        double[] t = new double[u.length];
        p.fromUnitCube(u, t);
        return p.logLikelihood(t);
    }

    /** n points drawn uniformly inside the contour (rejection from the cube), row-major. */
    private static double[] insideContour(Problem p, double logLStar, int n, UniformRandomProvider rng) {
        double[] out = new double[2 * n];
        double[] u = new double[2];
        for (int m = 0; m < n; ) {
            u[0] = rng.nextDouble();
            u[1] = rng.nextDouble();
            if (logL(p, u) > logLStar) {
                out[2 * m] = u[0];
                out[2 * m + 1] = u[1];
                m++;
            }
        }
        return out;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /**
     * A contour 4.5 nats below the higher peak holds two disks about 15 : 1 by area (radii 0.15 and 0.039); the few
     * points on the small peak are separated from the many because every segment to them crosses the valley.
     */
    @Test
    void aSmallPeakBesideALargeOneIsSeparated() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        double logLStar = -4.5;
        double[] pts = insideContour(TWO_PEAKS, logLStar, 300, rng);
        int small = 0;
        for (int i = 0; i < 300; i++) {
            small += pts[2 * i] > 0.5 ? 1 : 0;
        }
        assertTrue(small >= 3, "the small peak holds a few points: " + small);
        long[] calls = new long[2];
        int[] labels = ContourSplit.split(TWO_PEAKS, pts, allRows(300), 2, logLStar, calls);
        assertEquals(2, Arrays.stream(labels).max().getAsInt() + 1);
        int smallLabel = -1;
        for (int i = 0; i < 300; i++) {
            if (pts[2 * i] > 0.5) {
                smallLabel = labels[i];
            }
        }
        for (int i = 0; i < 300; i++) {
            assertEquals(pts[2 * i] > 0.5, labels[i] == smallLabel, "point " + i + " is with its own peak");
        }
        assertTrue(calls[0] > 0 && calls[1] == 0);
    }

    /**
     * Points inside one convex contour are never split, however thin it is: every segment between two of them stays
     * inside. One passing test per fragment joined bounds the calls.
     */
    @Test
    void aThinConvexRegionStaysWhole() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(7L);
        for (int trial = 0; trial < 5; trial++) {
            double[] pts = insideContour(RIDGE, -2, 400, rng);
            long[] calls = new long[2];
            int[] labels = ContourSplit.split(RIDGE, pts, allRows(400), 2, -2, calls);
            assertEquals(0, Arrays.stream(labels).max().getAsInt(), "one region");
            assertTrue(calls[0] <= 400L / (ContourSplit.FRAGMENT_NEIGHBOURS + 1) * (ModeMerging.SEGMENT_STEPS - 1),
                    "calls " + calls[0]);
        }
    }

    /** Refining keeps the given parts apart and splits within them only. */
    @Test
    void refineSplitsWithinParts() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(9L);
        double[] pts = insideContour(TWO_PEAKS, -4.5, 200, rng);
        int[] parts = new int[200];
        for (int i = 0; i < 200; i++) {
            parts[i] = pts[2 * i + 1] > 0.5 ? 1 : 0;
        }
        int[] labels = ContourSplit.refine(TWO_PEAKS, pts, allRows(200), 2, parts, -4.5, new long[2]);
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 200; j++) {
                boolean same = parts[i] == parts[j] && (pts[2 * i] > 0.5) == (pts[2 * j] > 0.5);
                assertEquals(same, labels[i] == labels[j]);
            }
        }
    }
}
