package org.splitbnn.analysis.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxedLbfgsTest {

    /** -(Rosenbrock): maximum 0 at (1, 1), a curved valley that needs curvature information. */
    private static final SmoothObjective ROSENBROCK = new SmoothObjective() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = 2 * a + 400 * x[0] * b;
            g[1] = -200 * b;
            return -(a * a + 100 * b * b);
        }
    };

    @Test
    void findsTheRosenbrockMaximumInsideTheBox() {
        BoxedLbfgs.Result r = BoxedLbfgs.DEFAULT.maximise(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-5, -5},
                new double[] {5, 5});
        assertTrue(r.converged());
        // |x - x*| <= |grad| / (smallest Hessian eigenvalue ~0.4) ~ 3e-6 at tolerance 1e-6
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-5);
        assertEquals(0, r.value(), 1e-10);
    }

    /**
     * A concave quadratic -(x - c)' A (x - c) / 2 with c outside the box: the optimum of the bounded problem is known
     * from its first-order conditions.
     */
    @Test
    void stopsOnTheWallWhereTheBoundedOptimumIs() {
        double[][] a = {{2, 0.5, 0}, {0.5, 1, 0}, {0, 0, 3}};
        double[] c = {3, 0, -4};
        SmoothObjective quadratic = new SmoothObjective() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    g[i] = 0;
                    for (int j = 0; j < 3; j++) {
                        g[i] -= a[i][j] * (x[j] - c[j]);
                    }
                    v += 0.5 * g[i] * (x[i] - c[i]);
                }
                return v;
            }
        };
        BoxedLbfgs.Result r = BoxedLbfgs.DEFAULT.maximise(quadratic, new double[] {0, 0, 0},
                new double[] {-1, -1, -1}, new double[] {1, 1, 1});
        // x0 = 1 on the wall (the gradient pushes outward), x2 = -1 on the wall; x1 free:
        // d/dx1 = -(0.5 (1 - 3) + 1 (x1 - 0)) = 0 gives x1 = 1 (on the wall as well, with zero gradient)
        assertTrue(r.converged());
        assertArrayEquals(new double[] {1, 1, -1}, r.x(), 1e-6);
    }

    @Test
    void staysInsideTheSupportOfTheObjective() {
        // -(x - 2)^2 defined only for x < 1: the supremum is at the support's edge, never reached; the optimiser must
        // never return a point outside and reports no convergence
        SmoothObjective edge = new SmoothObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                if (x[0] >= 1) {
                    return Double.NEGATIVE_INFINITY;
                }
                g[0] = -2 * (x[0] - 2);
                return -(x[0] - 2) * (x[0] - 2);
            }
        };
        BoxedLbfgs.Result r = BoxedLbfgs.DEFAULT.maximise(edge, new double[] {0}, new double[] {-5}, new double[] {5});
        assertTrue(r.x()[0] < 1 && r.x()[0] > 0.99, "ended at " + r.x()[0]);
        assertTrue(!r.converged());
    }
}
