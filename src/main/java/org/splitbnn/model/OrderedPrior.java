package org.splitbnn.model;

/**
 * A symmetry-breaking prior for any network by rejection: uniform(-a, a) on every parameter, restricted to output
 * weights that are positive and in decreasing order, {@code W2_1 >= W2_2 >= ... >= W2_N >= 0}. Of the 2^N N! images
 * of a network under the {@link HiddenUnitSymmetry} maps, the sign flips make every output weight positive and the
 * permutations sort them, so one image lies in the region (ties and zeros, of measure zero, aside).
 *
 * <p>The region's fraction of the box is exactly F = 1 / (2^N N!): the output weights are independent and uniform,
 * each positive with probability 1/2, and, once positive, in one of N! equally likely orders. Points outside are
 * rejected through the likelihood, so a nested sampler's evidence is normalised to the region and its log F is the
 * sampler's estimate of log F. A flip also moves the output bias (b2 + W2_j), which can leave the box: there the box
 * cuts an image, and the evidence under this prior differs slightly from the full prior's.
 *
 * @param halfWidth a, positive and finite
 */
public record OrderedPrior(double halfWidth) implements Prior {

    /** The prior's name. */
    public static final String NAME = "ordered";

    /** Validates the half-width. */
    public OrderedPrior {
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
    }

    @Override
    public boolean allows(NetworkShape shape, double[] theta) {
        return ordered(shape, theta);
    }

    /** Whether the output weights of {@code theta} are positive and in decreasing order (ties and zeros allowed). */
    public static boolean ordered(NetworkShape shape, double[] theta) {
        double previous = Double.POSITIVE_INFINITY;
        for (int unit = 0; unit < shape.hidden(); unit++) {
            double w = theta[shape.outputWeight(unit)];
            if (!(w >= 0 && w <= previous)) {
                return false;
            }
            previous = w;
        }
        return true;
    }

    /** log F = -(N log 2 + log N!), the region's fraction of the box for N hidden units. */
    public static double logAllowedFraction(NetworkShape shape) {
        double log = 0;
        for (int k = 2; k <= shape.hidden(); k++) {
            log += Math.log(k);
        }
        return -(shape.hidden() * Math.log(2) + log);
    }
}
