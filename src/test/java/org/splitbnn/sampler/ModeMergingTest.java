package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitbnn.sampler.validation.UnitCubeProblem;

class ModeMergingTest {

    /** Two Gaussian peaks of sd 0.05 at (0.25, 0.5) and (0.75, 0.5): a valley of about 12 nats between them. */
    private static final Problem TWO_PEAKS = new UnitCubeProblem(2, 0, 1) {
        @Override
        public double logLikelihood(double[] t) {
            return LogMath.logAddExp(peak(t, 0.25), peak(t, 0.75));
        }

        private double peak(double[] t, double cx) {
            double dx = (t[0] - cx) / 0.05;
            double dy = (t[1] - 0.5) / 0.05;
            return -0.5 * (dx * dx + dy * dy);
        }
    };

    /** A ring of radius 0.3 and width 0.01 around (0.5, 0.5). */
    private static final Problem RING = new UnitCubeProblem(2, 0, 1) {
        @Override
        public double logLikelihood(double[] t) {
            double d = (Math.hypot(t[0] - 0.5, t[1] - 0.5) - 0.3) / 0.01;
            return -0.5 * d * d;
        }
    };

    private static double logL(Problem p, double[] u) {
        double[] t = new double[2];
        p.fromUnitCube(u, t);
        return p.logLikelihood(t);
    }

    private static ModeMerging.Grouping group(Problem p, double[][] best, double[][] live) {
        double[] bestLogL = new double[best.length];
        double[][] liveLogL = new double[best.length][];
        for (int i = 0; i < best.length; i++) {
            bestLogL[i] = logL(p, best[i]);
            liveLogL[i] = new double[live[i].length / 2];
            for (int j = 0; j < liveLogL[i].length; j++) {
                liveLogL[i][j] = logL(p, new double[] {live[i][2 * j], live[i][2 * j + 1]});
            }
        }
        return ModeMerging.group(p, best, bestLogL, live, liveLogL);
    }

    @Test
    void aLeafOnAPeaksFlankJoinsThePeakAndPeaksStayApart() {
        double[][] best = {{0.25, 0.5}, {0.3, 0.55}, {0.75, 0.5}};
        ModeMerging.Grouping g = group(TWO_PEAKS, best, new double[][] {{}, {}, {}});
        assertEquals(2, g.nModes());
        assertEquals(g.modeOfLeaf()[0], g.modeOfLeaf()[1]);
        assertNotEquals(g.modeOfLeaf()[0], g.modeOfLeaf()[2]);
        assertTrue(g.nLikelihood() > 0 && g.nLikelihood() <= 3 * (ModeMerging.SEGMENT_STEPS - 1));
    }

    /** A leaf whose best point is the saddle reaches both peaks without a valley, yet must not chain them. */
    @Test
    void aLeafOnTheSaddleDoesNotChainTwoPeaks() {
        double[][] best = {{0.25, 0.5}, {0.75, 0.5}, {0.5, 0.5}};
        ModeMerging.Grouping g = group(TWO_PEAKS, best, new double[][] {{}, {}, {}});
        assertEquals(2, g.nModes());
        assertNotEquals(g.modeOfLeaf()[0], g.modeOfLeaf()[1]);
    }

    /**
     * A ring cut into three arcs: the straight segments between the arcs' best points cross the hole, but the arcs'
     * final live points touch, so the ring is one mode.
     */
    @Test
    void arcsOfOneRingAreOneMode() {
        int arcs = 3;
        int perArc = 40;
        double[][] best = new double[arcs][];
        double[][] live = new double[arcs][2 * perArc];
        for (int a = 0; a < arcs; a++) {
            for (int j = 0; j < perArc; j++) {
                double angle = 2 * Math.PI * (a * perArc + j) / (arcs * perArc);
                live[a][2 * j] = 0.5 + 0.3 * Math.cos(angle);
                live[a][2 * j + 1] = 0.5 + 0.3 * Math.sin(angle);
            }
            best[a] = new double[] {live[a][perArc], live[a][perArc + 1]};
        }
        assertEquals(1, group(RING, best, live).nModes());
        assertEquals(arcs, group(RING, best, new double[][] {{}, {}, {}}).nModes(), "without live points");
    }
}
