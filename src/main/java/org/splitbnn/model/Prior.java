package org.splitbnn.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * A prior on the parameters of a D-N-1 network, given as a map from the unit hypercube (PolyChord's convention)
 * and, for priors defined by rejection, a constraint that the likelihood enforces.
 *
 * <p>Names, as given on the command line: {@code full}, {@code constrained}, {@code constrained-transform},
 * {@code ordered}, {@code ordered-transform}; see
 * {@link #parse(String, double)}.
 */
public sealed interface Prior permits FullPrior, ConstrainedPrior, ConstrainedTransformPrior, OrderedPrior,
        OrderedTransformPrior {

    /**
     * The priors that remove the hidden-unit symmetries of the full prior: the claims that compare priors (C1, C2)
     * set each of them against {@code full}.
     */
    List<String> SYMMETRY_BREAKING = List.of(ConstrainedPrior.NAME, ConstrainedTransformPrior.NAME,
            OrderedPrior.NAME, OrderedTransformPrior.NAME);

    /** The prior names {@link #parse(String, double)} accepts: {@code full}, then the symmetry-breaking ones. */
    List<String> NAMES = Stream.concat(Stream.of(FullPrior.NAME), SYMMETRY_BREAKING.stream()).toList();

    /** Default half-width a of the uniform(-a, a) box. */
    double DEFAULT_HALF_WIDTH = 5;

    /** The prior's name (one of {@link #NAMES}). */
    String name();

    /** Half-width a of the uniform(-a, a) box that sets the prior's scale. */
    double halfWidth();

    /**
     * Throws unless the prior is defined for networks of this shape.
     *
     * @throws IllegalArgumentException naming the prior and the reason
     */
    void checkApplicable(NetworkShape shape);

    /** Maps unit-hypercube coordinates to network parameters (both of length {@code shape.dimension()}). */
    void fromUnitCube(NetworkShape shape, double[] unit, double[] theta);

    /** False for parameters of a network of {@code shape} the likelihood must reject (log-likelihood LOG_ZERO). */
    boolean allows(NetworkShape shape, double[] theta);

    /**
     * The prior called {@code name} with box half-width {@code halfWidth}.
     *
     * @throws IllegalArgumentException for an unknown name or a half-width that is not positive and finite
     */
    static Prior parse(String name, double halfWidth) {
        if (name == null) {
            throw new IllegalArgumentException("no prior name given; expected one of " + String.join(", ", NAMES));
        }
        return switch (name) {
            case FullPrior.NAME -> new FullPrior(halfWidth);
            case ConstrainedPrior.NAME -> new ConstrainedPrior(halfWidth);
            case ConstrainedTransformPrior.NAME -> new ConstrainedTransformPrior(halfWidth);
            case OrderedPrior.NAME -> new OrderedPrior(halfWidth);
            case OrderedTransformPrior.NAME -> new OrderedTransformPrior(halfWidth);
            default -> throw new IllegalArgumentException("unknown prior '" + name + "'; expected one of "
                    + String.join(", ", NAMES));
        };
    }

    /** Throws unless a half-width is positive and finite; the message names the prior. */
    static void checkHalfWidth(String prior, double halfWidth) {
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("prior '" + prior + "': half-width must be positive and finite, got "
                    + halfWidth);
        }
    }

    /** Throws unless the shape is the 2-2-1 network; the message names the prior. */
    static void checkPaperShape(String prior, NetworkShape shape) {
        if (!shape.equals(NetworkShape.PAPER)) {
            throw new IllegalArgumentException("prior '" + prior + "' constrains the square 2x2 input weight matrix"
                    + " of a 2-2-1 network (2 inputs, 2 hidden units), got a " + shape.label() + " network");
        }
    }

    /** Maps unit coordinates [from, to) to the box (-a, a): theta = a (2 u - 1). */
    static void uniformOnBox(double[] unit, double[] theta, int from, int to, double halfWidth) {
        for (int i = from; i < to; i++) {
            theta[i] = halfWidth * (2 * unit[i] - 1);
        }
    }
}
