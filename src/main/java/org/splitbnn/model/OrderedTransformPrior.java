package org.splitbnn.model;

/**
 * The prior of {@link OrderedPrior} as a map from the unit hypercube, which rejects nothing: uniform(-a, a) on every
 * parameter but the output weights, which are uniform on the ordered region {@code a > W2_1 >= ... >= W2_N >= 0}.
 *
 * <p>The output weights are the order statistics of N uniform(0, a) draws, largest first, built from their unit
 * coordinates u_1 .. u_N one at a time (the forced-identifiability transform of PolyChord's sorted priors):
 * <pre>
 *   t_1 = u_1^(1/N),  t_k = t_(k-1) u_k^(1/(N-k+1)),  W2_k = a t_k.
 * </pre>
 * t_1 is the largest of N uniforms on (0, 1) (distribution function t^N), and given t_(k-1) the next is the largest
 * of N - k + 1 uniforms below it. In doubles each t_k is t_(k-1) times a factor at most 1, so the order holds exactly.
 * The density is flat on the region, so the evidence equals that of {@link OrderedPrior} (normalised to the region),
 * and log F relative to the whole box is {@link OrderedPrior#logAllowedFraction}, exactly.
 *
 * @param halfWidth a, positive and finite
 */
public record OrderedTransformPrior(double halfWidth) implements Prior {

    /** The prior's name. */
    public static final String NAME = "ordered-transform";

    /** Validates the half-width. */
    public OrderedTransformPrior {
        Prior.checkHalfWidth(NAME, halfWidth);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkApplicable(NetworkShape shape) {
        // defined for every shape
    }

    @Override
    public void fromUnitCube(NetworkShape shape, double[] unit, double[] theta) {
        Prior.uniformOnBox(unit, theta, 0, shape.dimension(), halfWidth);
        int n = shape.hidden();
        double t = 1;
        for (int k = 0; k < n; k++) {
            t *= Math.pow(unit[shape.outputWeight(k)], 1.0 / (n - k));
            theta[shape.outputWeight(k)] = halfWidth * t;
        }
    }

    /** Whether {@code theta} lies in the ordered region, as every image of the map does (nothing is rejected). */
    @Override
    public boolean allows(NetworkShape shape, double[] theta) {
        return OrderedPrior.ordered(shape, theta);
    }
}
