package org.splitbnn.analysis.baselines;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Maximises a {@link SmoothObjective} over a box [lower, upper] by projected L-BFGS: the limited-memory BFGS
 * direction on the free coordinates (those not held at a bound by the gradient), a backtracking Armijo search along
 * the projected path P(x + alpha d), and curvature pairs kept only when s.y &gt; 0. Points where the objective is
 * negative infinity (outside its support) are treated as failed steps, so iterates stay inside the support.
 *
 * <p>Why not a library: commons-math3 3.6.1, the project's numerical library, has no bounded quasi-Newton method
 * (its BOBYQA, CMA-ES and simplex use no gradients; its non-linear conjugate gradient ignores bounds), and a
 * reparameterisation to an unbounded space (e.g. a logistic map per coordinate) would put optima on the box wall at
 * infinity, where the gradient vanishes only asymptotically and convergence cannot be recognised. Box bounds are
 * simple enough for a projected method (Bertsekas' projected quasi-Newton idea) on 9 to 13 coordinates, in about
 * 150 lines tested against problems with known optima.
 *
 * <p>Stops converged when the projected gradient's largest component is at most {@code gradientTolerance}; stops
 * unconverged after {@code maxIterations} iterations or when no step along the direction and then along the
 * projected gradient increases the objective.
 *
 * @param memory            curvature pairs kept (the "m" of L-BFGS)
 * @param gradientTolerance largest projected-gradient component at convergence
 * @param maxIterations     iterations before giving up
 */
public record BoxedLbfgs(int memory, double gradientTolerance, int maxIterations) {

    /** Memory 10, tolerance 1e-6, 2000 iterations. */
    public static final BoxedLbfgs DEFAULT = new BoxedLbfgs(10, 1e-6, 2000);

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;

    /** Checks the settings. */
    public BoxedLbfgs {
        if (memory < 1 || !(gradientTolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("L-BFGS needs memory >= 1, a positive tolerance and >= 1 iteration");
        }
    }

    /**
     * What one maximisation ended with.
     *
     * @param x                      the last point
     * @param value                  the objective there
     * @param projectedGradientNorm  the largest component of the projected gradient there
     * @param iterations             iterations taken
     * @param converged              whether the projected gradient met the tolerance
     */
    public record Result(double[] x, double value, double projectedGradientNorm, int iterations, boolean converged) {
    }

    /**
     * Maximises {@code f} from {@code start} (projected onto the box first) within [lower, upper].
     *
     * @throws IllegalArgumentException when the projected start is outside the objective's support
     */
    public Result maximise(SmoothObjective f, double[] start, double[] lower, double[] upper) {
        int d = f.dimension();
        double[] x = project(start.clone(), lower, upper);
        double[] g = new double[d];
        double value = f.valueAndGradient(x, g);
        if (value == Double.NEGATIVE_INFINITY || Double.isNaN(value)) {
            throw new IllegalArgumentException("the start lies outside the objective's support");
        }
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] trial = new double[d];
        double[] trialGradient = new double[d];
        int iteration = 0;
        while (true) {
            double pg = projectedGradientNorm(x, g, lower, upper);
            if (pg <= gradientTolerance) {
                return new Result(x, value, pg, iteration, true);
            }
            if (iteration == maxIterations) {
                return new Result(x, value, pg, iteration, false);
            }
            iteration++;
            boolean[] free = free(x, g, lower, upper);
            double[] direction = direction(g, free, pairs);
            double trialValue = search(f, x, value, g, direction, lower, upper, trial, trialGradient);
            if (Double.isNaN(trialValue) && !pairs.isEmpty()) {
                pairs.clear();
                direction = direction(g, free, pairs);
                trialValue = search(f, x, value, g, direction, lower, upper, trial, trialGradient);
            }
            if (Double.isNaN(trialValue)) {
                return new Result(x, value, pg, iteration, false);
            }
            double[] s = new double[d];
            double[] y = new double[d];
            double sy = 0;
            for (int i = 0; i < d; i++) {
                s[i] = trial[i] - x[i];
                y[i] = g[i] - trialGradient[i];
                sy += s[i] * y[i];
            }
            if (sy > 1e-12 * norm(s) * norm(y)) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            System.arraycopy(trial, 0, x, 0, d);
            System.arraycopy(trialGradient, 0, g, 0, d);
            value = trialValue;
        }
    }

    /** An ascent direction on the free coordinates: the L-BFGS two-loop recursion applied to the gradient. */
    private static double[] direction(double[] g, boolean[] free, Deque<double[][]> pairs) {
        int d = g.length;
        double[] q = new double[d];
        for (int i = 0; i < d; i++) {
            q[i] = free[i] ? g[i] : 0;
        }
        if (pairs.isEmpty()) {
            double scale = 1 / Math.max(1, maxAbs(q));
            for (int i = 0; i < d; i++) {
                q[i] *= scale;
            }
            return q;
        }
        // Maximising f is minimising -f: the pairs hold s and y = grad(-f) difference, so H approximates
        // the inverse Hessian of -f and H g is an ascent direction.
        double[][][] list = pairs.toArray(new double[0][][]);
        double[] alpha = new double[list.length];
        for (int k = list.length - 1; k >= 0; k--) {
            double[] s = list[k][0];
            double[] y = list[k][1];
            alpha[k] = dot(s, q, free) / dot(s, y, free);
            for (int i = 0; i < d; i++) {
                if (free[i]) {
                    q[i] -= alpha[k] * y[i];
                }
            }
        }
        double[] sLast = list[list.length - 1][0];
        double[] yLast = list[list.length - 1][1];
        double gamma = dot(sLast, yLast, free) / dot(yLast, yLast, free);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            gamma = 1;
        }
        for (int i = 0; i < d; i++) {
            q[i] *= gamma;
        }
        for (int k = 0; k < list.length; k++) {
            double[] s = list[k][0];
            double[] y = list[k][1];
            double beta = dot(y, q, free) / dot(s, y, free);
            for (int i = 0; i < d; i++) {
                if (free[i]) {
                    q[i] += (alpha[k] - beta) * s[i];
                }
            }
        }
        boolean finite = true;
        double ascent = 0;
        for (int i = 0; i < d; i++) {
            finite &= Double.isFinite(q[i]);
            ascent += q[i] * g[i];
        }
        if (!finite || !(ascent > 0)) {
            pairs.clear();
            return direction(g, free, pairs);
        }
        return q;
    }

    /**
     * Backtracking along P(x + alpha d) from alpha 1: the first trial whose value exceeds the current one by the
     * Armijo fraction of the predicted increase. Writes the accepted point and gradient; NaN when none is found.
     */
    private static double search(SmoothObjective f, double[] x, double value, double[] g, double[] direction,
                                 double[] lower, double[] upper, double[] trial, double[] trialGradient) {
        double alpha = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++, alpha *= 0.5) {
            double predicted = 0;
            boolean moved = false;
            for (int i = 0; i < x.length; i++) {
                trial[i] = Math.max(lower[i], Math.min(upper[i], x[i] + alpha * direction[i]));
                predicted += g[i] * (trial[i] - x[i]);
                moved |= trial[i] != x[i];
            }
            if (!moved) {
                return Double.NaN;
            }
            double v = f.valueAndGradient(trial, trialGradient);
            if (v >= value + ARMIJO * predicted && v > value) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** Coordinates not held at a bound by the gradient. */
    private static boolean[] free(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] free = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            free[i] = !(x[i] <= lower[i] && g[i] < 0) && !(x[i] >= upper[i] && g[i] > 0);
        }
        return free;
    }

    /** Largest component of P(x + g) - x: zero exactly at a point satisfying the first-order conditions. */
    static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            double moved = Math.max(lower[i], Math.min(upper[i], x[i] + g[i])) - x[i];
            max = Math.max(max, Math.abs(moved));
        }
        return max;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b, boolean[] free) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (free[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
