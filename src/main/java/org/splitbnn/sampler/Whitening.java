package org.splitbnn.sampler;

/**
 * The lower Cholesky factor of the covariance of a set of points, used to turn isotropic slice directions into
 * directions shaped like the points (unit-hypercube coordinates). When the covariance is not positive definite (too
 * few or degenerate points) the factor falls back to the diagonal of per-coordinate spreads, and when even that is
 * degenerate, to a small multiple of the identity.
 */
final class Whitening {

    /** Spread assumed for a coordinate whose points do not vary at all. */
    static final double MIN_SD = 1e-6;

    private Whitening() {
    }

    /**
     * Computes the Cholesky factor of the covariance of the selected points.
     *
     * @param points  row-major points, {@code dim} coordinates each
     * @param indices which rows to use, the first {@code n} of them
     * @param n       number of rows used
     * @param dim     dimension
     * @param factor  receives the lower-triangular factor, row-major dim x dim
     * @return true when the full covariance was positive definite, false when a fallback was used
     */
    static boolean choleskyOfCovariance(double[] points, int[] indices, int n, int dim, double[] factor) {
        double[] mean = new double[dim];
        double[] cov = new double[dim * dim];
        meanAndCovariance(points, indices, n, dim, mean, cov);
        if (n > dim && cholesky(cov, dim, factor)) {
            return true;
        }
        java.util.Arrays.fill(factor, 0.0);
        for (int i = 0; i < dim; i++) {
            factor[i * dim + i] = Math.max(Math.sqrt(Math.max(cov[i * dim + i], 0.0)), MIN_SD);
        }
        return false;
    }

    /**
     * The mean and the lower triangle of the sample covariance (divisor n - 1) of the selected points; a row selected
     * twice counts twice.
     *
     * @param points  row-major points, {@code dim} coordinates each
     * @param indices which rows to use, the first {@code n} of them
     * @param n       number of rows used
     * @param dim     dimension
     * @param mean    receives the mean, length dim
     * @param cov     receives the lower triangle of the covariance, row-major dim x dim (the rest is zero)
     */
    static void meanAndCovariance(double[] points, int[] indices, int n, int dim, double[] mean, double[] cov) {
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(cov, 0.0);
        for (int k = 0; k < n; k++) {
            int off = indices[k] * dim;
            for (int i = 0; i < dim; i++) {
                mean[i] += points[off + i];
            }
        }
        for (int i = 0; i < dim; i++) {
            mean[i] /= Math.max(n, 1);
        }
        for (int k = 0; k < n; k++) {
            int off = indices[k] * dim;
            for (int i = 0; i < dim; i++) {
                double di = points[off + i] - mean[i];
                for (int j = 0; j <= i; j++) {
                    cov[i * dim + j] += di * (points[off + j] - mean[j]);
                }
            }
        }
        double norm = n > 1 ? 1.0 / (n - 1) : 1.0;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i * dim + j] *= norm;
            }
        }
    }

    /** In-place-free Cholesky of the lower triangle of a symmetric matrix; false when not positive definite. */
    static boolean cholesky(double[] a, int dim, double[] l) {
        java.util.Arrays.fill(l, 0.0);
        for (int j = 0; j < dim; j++) {
            double d = a[j * dim + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * dim + k] * l[j * dim + k];
            }
            if (!(d > 1e-14 * Math.max(1e-300, a[j * dim + j])) || !Double.isFinite(d)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[j * dim + j] = ljj;
            for (int i = j + 1; i < dim; i++) {
                double s = a[i * dim + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * dim + k] * l[j * dim + k];
                }
                l[i * dim + j] = s / ljj;
            }
        }
        return true;
    }
}
