package org.splitbnn.analysis.baselines;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Erf;

/**
 * The Laplace approximation of the evidence contributed by one optimum theta* of log L, in coordinates in which the
 * prior density is the constant pi on a box. Inside the box (no coordinate on a bound):
 * <pre>
 *   log Z = log L(theta*) + log pi + (d / 2) log 2 pi - (1 / 2) log det(-H),
 * </pre>
 * H the Hessian of log L at theta*. <b>On the wall</b> (coordinates W at a bound, the others F free), the Gaussian is
 * cut by the wall and the gradient need not vanish there, so the free block keeps the Gaussian integral, (|F| / 2)
 * log 2 pi - (1 / 2) log det(-H_FF), and each wall coordinate i contributes the one-sided integral into the box,
 * <pre>
 *   log integral_0^inf exp(-g_i s - s^2 h_i / 2) ds = (1 / 2) log(pi / (2 h_i)) + log erfcx(g_i / sqrt(2 h_i)),
 * </pre>
 * g_i &gt;= 0 the slope out of the box and h_i the curvature of coordinate i with the free coordinates marginalised
 * (the diagonal of the Schur complement of -H_FF); with h_i &lt;= 0 and g_i &gt; 0 it is -log g_i. This is exact for a
 * Gaussian log L with a diagonal Hessian cut by the box; couplings among wall coordinates are neglected.
 *
 * <p>H is the central finite difference of the analytic gradient, step h_j = {@value #RELATIVE_STEP} max(1,
 * |theta_j|), symmetrised: truncation error of order h^2 times the third derivatives and rounding of order 1e-16
 * |gradient terms| / h, far below 1e-6 of H's entries for the networks here (and exact, up to rounding, for a
 * quadratic log L). The steps may leave the box: log L is smooth across it.
 *
 * <p>When -H_FF is not positive definite (a saddle or a flat direction: Cholesky fails), or a wall coordinate has
 * neither curvature nor slope, the evidence is NaN and {@code positiveDefinite} false; such an optimum takes no part
 * in a Laplace-weighted ensemble.
 *
 * @param logZ             the Laplace log-evidence, NaN when it does not exist
 * @param wallCoordinates  coordinates on a bound of the box
 * @param positiveDefinite whether -H (on the free coordinates) is positive definite and every wall term finite
 */
public record LaplaceEvidence(double logZ, int wallCoordinates, boolean positiveDefinite) {

    /** Relative step of the finite differences. */
    public static final double RELATIVE_STEP = 1e-5;

    /** A coordinate within this fraction of the box's width of a bound is on the wall. */
    public static final double WALL_TOLERANCE = 1e-9;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * The Laplace evidence of {@code f} at its optimum {@code x} within [lower, upper] under the constant prior
     * density exp(logPrior).
     */
    public static LaplaceEvidence at(SmoothObjective f, double[] x, double logPrior, double[] lower,
                                     double[] upper) {
        int d = f.dimension();
        double[] g = new double[d];
        double logL = f.valueAndGradient(x.clone(), g);
        double[][] negH = negativeHessian(f, x);
        List<Integer> wall = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        double[] outwardSlope = new double[d];
        for (int i = 0; i < d; i++) {
            double tolerance = WALL_TOLERANCE * (upper[i] - lower[i]);
            if (x[i] >= upper[i] - tolerance) {
                wall.add(i);
                outwardSlope[i] = Math.max(0, g[i]);
            } else if (x[i] <= lower[i] + tolerance) {
                wall.add(i);
                outwardSlope[i] = Math.max(0, -g[i]);
            } else {
                free.add(i);
            }
        }
        double logZ = logL + logPrior;
        double[][] schur = block(negH, wall, wall);
        if (!free.isEmpty()) {
            CholeskyDecomposition cholesky;
            try {
                cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(block(negH, free, free), false),
                        1e-12, 0);
            } catch (NonPositiveDefiniteMatrixException e) {
                return new LaplaceEvidence(Double.NaN, wall.size(), false);
            }
            double logDet = 0;
            double[][] l = cholesky.getL().getData();
            for (int i = 0; i < free.size(); i++) {
                logDet += 2 * Math.log(l[i][i]);
            }
            logZ += 0.5 * free.size() * LOG_2PI - 0.5 * logDet;
            if (!wall.isEmpty()) {
                DecompositionSolver solver = cholesky.getSolver();
                RealMatrix cross = new Array2DRowRealMatrix(block(negH, free, wall), false);
                RealMatrix correction = cross.transpose().multiply(solver.solve(cross));
                for (int a = 0; a < wall.size(); a++) {
                    schur[a][a] -= correction.getEntry(a, a);
                }
            }
        }
        for (int a = 0; a < wall.size(); a++) {
            double term = logOneSidedIntegral(outwardSlope[wall.get(a)], schur[a][a]);
            if (!Double.isFinite(term)) {
                return new LaplaceEvidence(Double.NaN, wall.size(), false);
            }
            logZ += term;
        }
        return new LaplaceEvidence(logZ, wall.size(), true);
    }

    /** log of the integral over s &gt;= 0 of exp(-g s - h s^2 / 2); NaN when it diverges. */
    static double logOneSidedIntegral(double g, double h) {
        if (h > 0) {
            return 0.5 * Math.log(Math.PI / (2 * h)) + logErfcx(g / Math.sqrt(2 * h));
        }
        return g > 0 ? -Math.log(g) : Double.NaN;
    }

    /**
     * log(exp(z^2) erfc(z)) for z &gt;= 0: directly below 25 (erfc(25) ~ 1e-274 is still a normal double), above by
     * the asymptotic series (its first omitted term, 105 / (16 z^8), is below 5e-11 there).
     */
    static double logErfcx(double z) {
        if (z < 25) {
            return z * z + Math.log(Erf.erfc(z));
        }
        double w = 1 / (z * z);
        return -Math.log(z * Math.sqrt(Math.PI)) + Math.log(1 - 0.5 * w + 0.75 * w * w - 1.875 * w * w * w);
    }

    /** -H by central differences of the gradient, symmetrised. */
    static double[][] negativeHessian(SmoothObjective f, double[] x) {
        int d = f.dimension();
        double[][] h = new double[d][d];
        double[] plus = new double[d];
        double[] minus = new double[d];
        for (int j = 0; j < d; j++) {
            double step = RELATIVE_STEP * Math.max(1, Math.abs(x[j]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += step;
            xm[j] -= step;
            f.valueAndGradient(xp, plus);
            f.valueAndGradient(xm, minus);
            for (int i = 0; i < d; i++) {
                h[i][j] = -(plus[i] - minus[i]) / (xp[j] - xm[j]);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return h;
    }

    private static double[][] block(double[][] m, List<Integer> rows, List<Integer> columns) {
        double[][] b = new double[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                b[r][c] = m[rows.get(r)][columns.get(c)];
            }
        }
        return b;
    }
}
