package org.splitbnn.model;

/**
 * Uniform(-a, a) independently on every parameter: the paper's unconstrained prior (a = 5).
 *
 * @param halfWidth a, positive and finite
 */
public record FullPrior(double halfWidth) implements Prior {

    /** The prior's name. */
    public static final String NAME = "full";

    /** Validates the half-width. */
    public FullPrior {
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
        return true;
    }
}
