package org.splitbnn.analysis.baselines;

import java.util.Arrays;

import org.splitbnn.model.ConstrainedPrior;
import org.splitbnn.model.ConstrainedTransformPrior;
import org.splitbnn.model.FullPrior;
import org.splitbnn.model.LogLikelihoodGradient;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.model.OrderedPrior;
import org.splitbnn.model.OrderedTransformPrior;
import org.splitbnn.model.Prior;

/**
 * The coordinates a prior is optimised in, in which it is flat on a box (or on the part of a box its constraint
 * allows), so that the maximum a posteriori is the maximum of L there and the Laplace approximation is taken there
 * too:
 *
 * <ul>
 *   <li>{@code full}: the network parameters on the box [-a, a]^d; prior density (2a)^-d.</li>
 *   <li>{@code constrained}: the network parameters on the same box, the support being the part of it that satisfies
 *       {@link ConstrainedPrior#satisfiesConstraint} (outside it the objective is negative infinity, so the optimiser
 *       stays inside); density 1 / ((2a)^d F), F the run's allowed fraction of the box. The optima of these networks
 *       lie on the box's wall (saturated units) far more often than on the constraint's edge, so the box stays the
 *       simple set.</li>
 *   <li>{@code ordered}, {@code ordered-transform}: the network parameters on the box, the support being its part
 *       whose output weights are positive and decreasing ({@link OrderedPrior#ordered}); density 1 / ((2a)^d F), F
 *       the run's estimate for {@code ordered} and exactly 1 / (2^N N!) for {@code ordered-transform}, flat on the
 *       support.</li>
 *   <li>{@code constrained-transform}: the factors of {@link ConstrainedTransformPrior} (l11, l21, u, l22 in place of
 *       w11, w12, w21, w22), in which this prior is uniform on the box [0, &radic;a] x [-&radic;a, &radic;a] x [0, a]
 *       x [0, &radic;a] x [-a, a]^5, density 1 / (2 a^3 (2a)^5). Its density in W grows without bound at the
 *       constraint's edges, so only in these coordinates is the maximum a posteriori a maximum of L.</li>
 * </ul>
 */
final class PriorCoordinates {

    private final Prior prior;
    private final NetworkShape shape;
    private final boolean factored;
    private final double[] lower;
    private final double[] upper;
    private final double logPriorDensity;

    private PriorCoordinates(Prior prior, NetworkShape shape, boolean factored, double logPriorDensity) {
        this.prior = prior;
        this.shape = shape;
        this.factored = factored;
        this.logPriorDensity = logPriorDensity;
        int d = shape.dimension();
        double a = prior.halfWidth();
        this.lower = new double[d];
        this.upper = new double[d];
        Arrays.fill(lower, -a);
        Arrays.fill(upper, a);
        if (factored) {
            double rootA = Math.sqrt(a);
            lower[0] = 0;
            upper[0] = rootA;
            lower[1] = -rootA;
            upper[1] = rootA;
            lower[2] = 0;
            upper[2] = a;
            lower[3] = 0;
            upper[3] = rootA;
        }
    }

    /**
     * The coordinates of a prior on networks of a shape; {@code logAllowedFraction} is log F of a prior defined by
     * rejection (the run's estimate), 0 otherwise.
     */
    static PriorCoordinates of(Prior prior, NetworkShape shape, double logAllowedFraction) {
        prior.checkApplicable(shape);
        int d = shape.dimension();
        double a = prior.halfWidth();
        double logBox = d * Math.log(2 * a);
        if (prior instanceof FullPrior) {
            return new PriorCoordinates(prior, shape, false, -logBox);
        } else if (prior instanceof ConstrainedPrior || prior instanceof OrderedPrior) {
            return new PriorCoordinates(prior, shape, false, -logBox - logAllowedFraction);
        } else if (prior instanceof OrderedTransformPrior) {
            return new PriorCoordinates(prior, shape, false, -logBox - OrderedPrior.logAllowedFraction(shape));
        } else if (prior instanceof ConstrainedTransformPrior) {
            return new PriorCoordinates(prior, shape, true, -Math.log(2 * a * a * a) - (d - 4) * Math.log(2 * a));
        }
        throw new IllegalArgumentException("no optimisation coordinates for prior '" + prior.name() + "'");
    }

    /** Lower bounds of the search box. */
    double[] lower() {
        return lower.clone();
    }

    /** Upper bounds of the search box. */
    double[] upper() {
        return upper.clone();
    }

    /** Log of the prior density in the search coordinates (constant on the support). */
    double logPriorDensity() {
        return logPriorDensity;
    }

    /** The network parameters of search coordinates {@code x}. */
    double[] network(double[] x) {
        double[] theta = x.clone();
        if (factored) {
            ConstrainedTransformPrior.inputWeights(x[0], x[1], x[2], x[3], theta);
        }
        return theta;
    }

    /** The search coordinates of network parameters inside the support. */
    double[] search(double[] theta) {
        double[] x = theta.clone();
        if (factored) {
            System.arraycopy(ConstrainedTransformPrior.factors(theta[0], theta[1], theta[2], theta[3]), 0, x, 0, 4);
        }
        return x;
    }

    /**
     * Whether network parameters lie in the prior's support: inside the box (and the constraint or the order) of
     * {@code full}, {@code constrained}, {@code ordered} and {@code ordered-transform}; in the image of the factors' box for {@code constrained-transform} (w11 &gt; 0, factors
     * inside the box up to rounding).
     */
    boolean inSupport(double[] theta) {
        if (!factored) {
            return prior.allows(shape, theta) && inBox(theta);
        }
        if (!(theta[0] > 0)) {
            return false;
        }
        double[] x = search(theta);
        double[] back = network(x);
        for (int i = 0; i < x.length; i++) {
            double slack = 1e-12 * (upper[i] - lower[i]);
            if (!(x[i] >= lower[i] - slack && x[i] <= upper[i] + slack)
                    || Math.abs(back[i] - theta[i]) > 1e-9 * Math.max(1, Math.abs(theta[i]))) {
                return false;
            }
        }
        return true;
    }

    /** log L in search coordinates, negative infinity outside the constraint of {@code constrained}. */
    SmoothObjective searchObjective(LogLikelihoodGradient likelihood) {
        SmoothObjective logL = logLikelihood(likelihood);
        if (!(prior instanceof ConstrainedPrior)) {
            return logL;
        }
        return new SmoothObjective() {
            @Override
            public int dimension() {
                return logL.dimension();
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradient) {
                return prior.allows(shape, x) ? logL.valueAndGradient(x, gradient) : Double.NEGATIVE_INFINITY;
            }
        };
    }

    /** log L in search coordinates without the support check (finite differences may step outside). */
    SmoothObjective logLikelihood(LogLikelihoodGradient likelihood) {
        return new SmoothObjective() {
            private final double[] networkGradient = new double[shape.dimension()];

            @Override
            public int dimension() {
                return shape.dimension();
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradient) {
                double logL = likelihood.valueAndGradient(network(x), networkGradient);
                chainRule(x, networkGradient, gradient);
                return logL;
            }
        };
    }

    /** Whether search coordinates touch a bound of the search box (within 1e-9 of the box's width). */
    boolean onWall(double[] x) {
        for (int i = 0; i < x.length; i++) {
            double tolerance = 1e-9 * (upper[i] - lower[i]);
            if (x[i] <= lower[i] + tolerance || x[i] >= upper[i] - tolerance) {
                return true;
            }
        }
        return false;
    }

    /** Gradient in search coordinates from the gradient in network parameters. */
    private void chainRule(double[] x, double[] networkGradient, double[] gradient) {
        System.arraycopy(networkGradient, 0, gradient, 0, networkGradient.length);
        if (factored) {
            double l11 = x[0];
            double l21 = x[1];
            double l22 = x[3];
            double g11 = networkGradient[0];
            double g12 = networkGradient[1];
            double g21 = networkGradient[2];
            double g22 = networkGradient[3];
            gradient[0] = 2 * l11 * g11 + l21 * (g12 + g21);
            gradient[1] = l11 * (g12 + g21) + 2 * l21 * g22;
            gradient[2] = g12 - g21;
            gradient[3] = 2 * l22 * g22;
        }
    }

    private boolean inBox(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }
}
