package org.splitbnn.analysis.baselines;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * The Laplace approximation of the evidence contributed by one optimum: with log L the objective in coordinates in
 * which the prior density is the constant pi, and H the Hessian of log L at the optimum theta*,
 * <pre>
 *   log Z = log L(theta*) + log pi + (d / 2) log 2 pi - (1 / 2) log det(-H).
 * </pre>
 * H is the central finite difference of the analytic gradient, step h_i = {@value #RELATIVE_STEP} max(1, |theta_i|),
 * symmetrised: truncation error of order h^2 times the third derivatives and rounding of order 1e-16 |gradient terms|
 * / h, both far below 1e-6 of H's entries for the networks here (and exact, up to rounding, for a quadratic log L).
 *
 * <p>When -H is not positive definite (a saddle or a flat direction: Cholesky fails) the evidence is NaN and {@code
 * positiveDefinite} false; the optimum then takes no part in a Laplace-weighted ensemble.
 *
 * @param logZ             the Laplace log-evidence, NaN when -H is not positive definite
 * @param logDetNegH       log det(-H), NaN when -H is not positive definite
 * @param positiveDefinite whether -H is positive definite
 */
public record LaplaceEvidence(double logZ, double logDetNegH, boolean positiveDefinite) {

    /** Relative step of the finite differences. */
    public static final double RELATIVE_STEP = 1e-5;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** The Laplace evidence of {@code f} at its optimum {@code x} under the constant prior density exp(logPrior). */
    public static LaplaceEvidence at(SmoothObjective f, double[] x, double logPrior) {
        int d = f.dimension();
        double[] g = new double[d];
        double logL = f.valueAndGradient(x.clone(), g);
        double[][] negH = negativeHessian(f, x);
        try {
            CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(negH, false),
                    1e-12, 0);
            double logDet = 0;
            double[][] l = cholesky.getL().getData();
            for (int i = 0; i < d; i++) {
                logDet += 2 * Math.log(l[i][i]);
            }
            return new LaplaceEvidence(logL + logPrior + 0.5 * d * LOG_2PI - 0.5 * logDet, logDet, true);
        } catch (NonPositiveDefiniteMatrixException e) {
            return new LaplaceEvidence(Double.NaN, Double.NaN, false);
        }
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
}
