package org.splitbnn.model;

/**
 * The paper's efficient encoding of the constraint of {@link ConstrainedPrior}: a map from the unit hypercube whose
 * every image satisfies it, so that nothing is rejected. Needs the 2-2-1 network.
 *
 * <p>The input weight matrix W (W[i][j] maps input i to hidden unit j) is built as sym(W) = L L<sup>T</sup> with L
 * lower-triangular with positive diagonal, and skew(W) = U - U<sup>T</sup> with U strictly upper-triangular and
 * sign-constrained (for 2x2 its single entry u &gt; 0, so that w12 - w21 = 2u &gt; 0):
 * <pre>
 *   w11 = l11^2,  w12 = l11 l21 + u,  w21 = l11 l21 - u,  w22 = l21^2 + l22^2.
 * </pre>
 * Then w11 &gt; 0, w22 &gt; 0, w11 w22 - ((w12 + w21)/2)^2 = (l11 l22)^2 &gt; 0 and w12 - w21 &gt; 0. With box
 * half-width a the four new parameters are independent and uniform, chosen so that W has the scale of the box:
 * l11 and l22 on (0, &radic;a], l21 on [-&radic;a, &radic;a), u on (0, a]; they are taken from the unit coordinates
 * of w11, w12, w22 and w21 respectively (l11 = &radic;a (1 - u<sub>w11</sub>), l21 = &radic;a (2 u<sub>w12</sub> -
 * 1), u = a (1 - u<sub>w21</sub>), l22 = &radic;a (1 - u<sub>w22</sub>)). Biases and output weights are
 * uniform(-a, a) as in the other priors.
 *
 * <p>This is <b>not</b> the prior of {@link ConstrainedPrior}, which is flat on its accepted region. The density it
 * implies on W is
 * <pre>
 *   p(W) = 1 / (16 a^(5/2) sqrt(w11 det sym(W)))
 * </pre>
 * (Jacobian |dW / d(l11, l21, u, l22)| = 8 l11^2 l22), on the support 0 &lt; w11 &le; a, ((w12 + w21)/2)^2 &le; a
 * w11, 0 &lt; w12 - w21 &le; 2a, det sym(W) &le; a w11. It grows without bound towards the edges w11 &rarr; 0 and
 * det sym(W) &rarr; 0 of the constrained region, and reaches w12, w21 up to &plusmn;2a and w22 up to 2a, beyond the
 * box. Evidences under the two priors therefore differ.
 *
 * <p>Rounding: the images satisfy the constraint exactly in real arithmetic; evaluated in doubles the determinant
 * test of {@link ConstrainedPrior#satisfiesConstraint} can still fail when l22 is below about 1e-8 |l21| or l11 is
 * near 1e-16 (a fraction of the cube of order 1e-8). Nothing is rejected on that account: {@link #allows} is always
 * true.
 *
 * @param halfWidth a, positive and finite
 */
public record ConstrainedTransformPrior(double halfWidth) implements Prior {

    /** The prior's name. */
    public static final String NAME = "constrained-transform";

    /** Validates the half-width. */
    public ConstrainedTransformPrior {
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
        double rootA = Math.sqrt(halfWidth);
        inputWeights(rootA * (1 - unit[0]), rootA * (2 * unit[1] - 1), halfWidth * (1 - unit[2]),
                rootA * (1 - unit[3]), theta);
        Prior.uniformOnBox(unit, theta, 4, shape.dimension(), halfWidth);
    }

    /** Writes w11, w12, w21, w22 (theta[0..3]) from the factors l11, l21, u, l22 (see the class description). */
    public static void inputWeights(double l11, double l21, double u, double l22, double[] theta) {
        theta[0] = l11 * l11;
        theta[1] = l11 * l21 + u;
        theta[2] = l11 * l21 - u;
        theta[3] = l21 * l21 + l22 * l22;
    }

    /**
     * The factors (l11, l21, u, l22) of input weights that satisfy {@link ConstrainedPrior#satisfiesConstraint}:
     * the inverse of {@link #inputWeights}.
     */
    public static double[] factors(double w11, double w12, double w21, double w22) {
        double l11 = Math.sqrt(w11);
        double l21 = 0.5 * (w12 + w21) / l11;
        return new double[] {l11, l21, 0.5 * (w12 - w21), Math.sqrt(Math.max(0, w22 - l21 * l21))};
    }

    /** Nothing is rejected: the map only produces points that satisfy the constraint. */
    @Override
    public boolean allows(NetworkShape shape, double[] theta) {
        return true;
    }
}
