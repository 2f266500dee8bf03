package org.splitbnn.sampler.validation;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.special.Erf;
import org.splitbnn.sampler.LogMath;

/**
 * The validation suite: problems with known evidences (definitions as in the PolyChordLite reference runs where
 * those exist).
 */
public final class ValidationProblems {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private ValidationProblems() {
    }

    /** Names of every problem, in the order the suite runs them. */
    public static List<String> names() {
        return List.of("gauss9", "corr12", "banana4", "shells", "eggbox", "mixture2", "mixture9", "sparse2", "cut");
    }

    /** The problem of a name; an unknown name is refused with the list of known ones. */
    public static ValidationProblem byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "gauss9":
                return gauss9();
            case "corr12":
                return corr12();
            case "banana4":
                return banana4();
            case "shells":
                return shells();
            case "eggbox":
                return eggbox();
            case "mixture2":
                return mixture(2);
            case "mixture9":
                return mixture(9);
            case "sparse2":
                return sparse2();
            case "cut":
                return cut();
            default:
                throw new IllegalArgumentException("unknown validation problem '" + name + "'; known: " + names());
        }
    }

    /** All problems. */
    public static List<ValidationProblem> all() {
        return names().stream().map(ValidationProblems::byName).toList();
    }

    /**
     * 9-D normalised isotropic Gaussian, mean 0.5, sd 0.1, on the unit cube:
     * log Z = 9 log erf(0.5 / (0.1 sqrt 2)).
     */
    public static ValidationProblem gauss9() {
        double sd = 0.1;
        UnitCubeProblem p = new UnitCubeProblem(9, 0, 1) {
            @Override
            public double logLikelihood(double[] t) {
                double s = 0;
                for (double v : t) {
                    double d = (v - 0.5) / sd;
                    s += d * d;
                }
                return -0.5 * s - 9 * (Math.log(sd) + HALF_LOG_2PI);
            }
        };
        return new ValidationProblem("gauss9", p, 9 * Math.log(Erf.erf(0.5 / (sd * Math.sqrt(2)))), 0, List.of());
    }

    /**
     * Two Gaussian shells (Feroz &amp; Hobson 2008), radius 2, width 0.1, centres (+-3.5, 0), prior uniform [-6, 6]^2;
     * log Z = -1.7456 (quadrature, from the reference).
     */
    public static ValidationProblem shells() {
        double r = 2;
        double w = 0.1;
        double logNorm = -0.5 * Math.log(2 * Math.PI * w * w);
        UnitCubeProblem p = new UnitCubeProblem(2, -6, 6) {
            @Override
            public double logLikelihood(double[] t) {
                double a = shell(t, -3.5);
                double b = shell(t, 3.5);
                double m = Math.max(a, b);
                return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
            }

            private double shell(double[] t, double cx) {
                double dist = Math.hypot(t[0] - cx, t[1]) - r;
                return logNorm - dist * dist / (2 * w * w);
            }
        };
        return new ValidationProblem("shells", p, -1.7456, 0, List.of());
    }

    /** The eggbox, log L = (2 + cos(x/2) cos(y/2))^5 on [0, 10 pi]^2; log Z = 235.8559 (quadrature). */
    public static ValidationProblem eggbox() {
        UnitCubeProblem p = new UnitCubeProblem(2, 0, 10 * Math.PI) {
            @Override
            public double logLikelihood(double[] t) {
                double v = 2 + Math.cos(t[0] / 2) * Math.cos(t[1] / 2);
                return v * v * v * v * v;
            }
        };
        return new ValidationProblem("eggbox", p, 235.8559, 0, List.of());
    }

    /**
     * A mixture of two normalised Gaussians of sd 0.05 with weights 0.8 (centre 0.3 in every coordinate) and 0.2
     * (centre 0.7) on the unit cube in {@code dim} dimensions; log Z = log of the weighted masses inside the cube.
     */
    public static ValidationProblem mixture(int dim) {
        double sd = 0.05;
        double[] weights = {0.8, 0.2};
        double[] centres = {0.3, 0.7};
        UnitCubeProblem p = new UnitCubeProblem(dim, 0, 1) {
            @Override
            public double logLikelihood(double[] t) {
                double s0 = 0;
                double s1 = 0;
                for (double v : t) {
                    double d0 = (v - centres[0]) / sd;
                    double d1 = (v - centres[1]) / sd;
                    s0 += d0 * d0;
                    s1 += d1 * d1;
                }
                double norm = dim * (Math.log(sd) + HALF_LOG_2PI);
                double c0 = Math.log(weights[0]) - 0.5 * s0 - norm;
                double c1 = Math.log(weights[1]) - 0.5 * s1 - norm;
                double m = Math.max(c0, c1);
                return m + Math.log(Math.exp(c0 - m) + Math.exp(c1 - m));
            }
        };
        double z = 0;
        for (int k = 0; k < 2; k++) {
            double mass1 = 0.5 * (Erf.erf((1 - centres[k]) / (sd * Math.sqrt(2)))
                    - Erf.erf(-centres[k] / (sd * Math.sqrt(2))));
            z += weights[k] * Math.pow(mass1, dim);
        }
        return new ValidationProblem("mixture" + dim, p, Math.log(z), 0, List.of(0.8, 0.2));
    }

    /**
     * 12-D normalised Gaussian with unit variances and every correlation 0.95, centred at 0, prior uniform on
     * [-10, 10]^12: unimodal but strongly correlated. Each marginal is a unit normal, so the mass outside the box is
     * below 12 x 2e-23 and log Z = -12 log 20.
     */
    public static ValidationProblem corr12() {
        int dim = 12;
        double rho = 0.95;
        double a = 1 - rho;
        double b = rho;
        // Sigma = a I + b 11^T: Sigma^-1 = (I - b / (a + n b) 11^T) / a, det = a^(n-1) (a + n b).
        double c = b / (a + dim * b);
        double logNorm = -0.5 * ((dim - 1) * Math.log(a) + Math.log(a + dim * b)) - dim * HALF_LOG_2PI;
        UnitCubeProblem p = new UnitCubeProblem(dim, -10, 10) {
            @Override
            public double logLikelihood(double[] t) {
                double sum = 0;
                double sum2 = 0;
                for (double v : t) {
                    sum += v;
                    sum2 += v * v;
                }
                return -0.5 * (sum2 - c * sum * sum) / a + logNorm;
            }
        };
        return new ValidationProblem("corr12", p, p.logPriorDensity(), 0, List.of());
    }

    /**
     * A banana: a normalised Gaussian in (x1, x2 - x1^2, x3, x4) with sds 0.5, 0.1, 1, 1 (the map has unit Jacobian,
     * so the density is normalised over R^4), prior uniform on [-5, 5]^4. The box cuts the curved ridge where x1^2
     * nears 5, so log Z = log(mass inside the box) - 4 log 10 with the mass from quadrature over x1.
     */
    public static ValidationProblem banana4() {
        double[] sd = {0.5, 0.1, 1, 1};
        double logNorm = -Math.log(sd[0] * sd[1] * sd[2] * sd[3]) - 4 * HALF_LOG_2PI;
        UnitCubeProblem p = new UnitCubeProblem(4, -5, 5) {
            @Override
            public double logLikelihood(double[] t) {
                double u1 = t[0] / sd[0];
                double u2 = (t[1] - t[0] * t[0]) / sd[1];
                double u3 = t[2] / sd[2];
                double u4 = t[3] / sd[3];
                return -0.5 * (u1 * u1 + u2 * u2 + u3 * u3 + u4 * u4) + logNorm;
            }
        };
        UnivariateFunction ridgeMass = x1 -> Math.exp(-0.5 * x1 * x1 / (sd[0] * sd[0])) / (sd[0] * Math.sqrt(2 * Math.PI))
                * (normalMass(-5 - x1 * x1, 5 - x1 * x1, sd[1]));
        double mass = new SimpsonIntegrator(1e-12, 1e-14, 3, 30).integrate(1_000_000, ridgeMass, -5, 5)
                * normalMass(-5, 5, sd[2]) * normalMass(-5, 5, sd[3]);
        return new ValidationProblem("banana4", p, Math.log(mass) + p.logPriorDensity(), 0, List.of());
    }

    /** Mass of a centred normal of standard deviation sd between low and high. */
    private static double normalMass(double low, double high, double sd) {
        return 0.5 * (Erf.erf(high / (sd * Math.sqrt(2))) - Erf.erf(low / (sd * Math.sqrt(2))));
    }

    /**
     * A heavy narrow mode beside a light broad one on the unit 4-cube: normalised Gaussians with weights 0.7 (sd 0.02,
     * centre (0.8, 0.2, 0.8, 0.2)) and 0.3 (sd 0.12, centre 0.45 in every coordinate). The narrow mode holds a few
     * live points when it splits off, so its share of the volume is uncertain. log Z = log of the mixture's mass
     * inside the cube; the mode weights are the two masses over their sum.
     */
    public static ValidationProblem sparse2() {
        int dim = 4;
        double[] weights = {0.7, 0.3};
        double[] sds = {0.02, 0.12};
        double[][] centres = {{0.8, 0.2, 0.8, 0.2}, {0.45, 0.45, 0.45, 0.45}};
        UnitCubeProblem p = new UnitCubeProblem(dim, 0, 1) {
            @Override
            public double logLikelihood(double[] t) {
                return LogMath.logAddExp(component(t, 0), component(t, 1));
            }

            private double component(double[] t, int k) {
                double s = 0;
                for (int i = 0; i < dim; i++) {
                    double d = (t[i] - centres[k][i]) / sds[k];
                    s += d * d;
                }
                return Math.log(weights[k]) - 0.5 * s - dim * (Math.log(sds[k]) + HALF_LOG_2PI);
            }
        };
        double[] mass = new double[2];
        for (int k = 0; k < 2; k++) {
            mass[k] = weights[k];
            for (int i = 0; i < dim; i++) {
                mass[k] *= normalMass(-centres[k][i], 1 - centres[k][i], sds[k]);
            }
        }
        double z = mass[0] + mass[1];
        return new ValidationProblem("sparse2", p, Math.log(z), 0, List.of(mass[0] / z, mass[1] / z));
    }

    /**
     * A normalised 2-D Gaussian of sd 0.1 centred at (0.5, 0.5) on the unit square, cut in half by a logzero
     * constraint (x1 &lt; 0.5 is outside the support). Relative to the allowed half, Z = (mass inside the square / 2)
     * / (1/2), and log F = log 0.5.
     */
    public static ValidationProblem cut() {
        double sd = 0.1;
        UnitCubeProblem p = new UnitCubeProblem(2, 0, 1) {
            @Override
            public double logLikelihood(double[] t) {
                if (t[0] < 0.5) {
                    return LOG_ZERO;
                }
                double a = (t[0] - 0.5) / sd;
                double b = (t[1] - 0.5) / sd;
                return -0.5 * (a * a + b * b) - 2 * (Math.log(sd) + HALF_LOG_2PI);
            }
        };
        double mass1 = Erf.erf(0.5 / (sd * Math.sqrt(2)));
        double boxRelative = 0.5 * mass1 * mass1;
        return new ValidationProblem("cut", p, Math.log(boxRelative / 0.5), Math.log(0.5), List.of());
    }
}
