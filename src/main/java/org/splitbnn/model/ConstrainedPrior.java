package org.splitbnn.model;

/**
 * The paper's constrained prior by rejection: uniform(-a, a) on every parameter of the 2-2-1 network, restricted to
 * input weight matrices W whose symmetric part is positive definite and whose skew part is oriented:
 * {@code w11 > 0}, {@code w22 > 0}, {@code w11 w22 - ((w12 + w21) / 2)^2 > 0} and {@code w12 - w21 > 0}.
 *
 * <p>Points outside are rejected through the likelihood, so a nested sampler's evidence is normalised to the
 * accepted region; for a = 5 the accepted fraction of the box is F = 0.0799 (log F = -2.5274, PolyChordLite
 * reference), to be added to get the evidence relative to the whole box.
 *
 * @param halfWidth a, positive and finite
 */
public record ConstrainedPrior(double halfWidth) implements Prior {

    /** The prior's name. */
    public static final String NAME = "constrained";

    /** Validates the half-width. */
    public ConstrainedPrior {
        Prior.checkHalfWidth(NAME, halfWidth);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkApplicable(NetworkShape shape) {
        Prior.checkPaperShape(NAME, shape);
    }

    @Override
    public void fromUnitCube(NetworkShape shape, double[] unit, double[] theta) {
        Prior.uniformOnBox(unit, theta, 0, shape.dimension(), halfWidth);
    }

    @Override
    public boolean allows(NetworkShape shape, double[] theta) {
        return satisfiesConstraint(theta[0], theta[1], theta[2], theta[3]);
    }

    /**
     * The constraint on the input weights W[i][j] (input i to hidden unit j): sym(W) positive definite and
     * {@code w12 > w21}.
     */
    public static boolean satisfiesConstraint(double w11, double w12, double w21, double w22) {
        double offDiagonal = 0.5 * (w12 + w21);
        return w11 > 0 && w22 > 0 && w11 * w22 - offDiagonal * offDiagonal > 0 && w12 - w21 > 0;
    }
}
