package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PriorTest {

    /** PolyChordLite reference: accepted fraction of the constraint in the box (-5, 5)^4, and its Monte Carlo sd. */
    private static final double REFERENCE_F = 0.079867;
    private static final double REFERENCE_F_SD = 0.000086;

    @Test
    void parsesTheNames() {
        assertEquals(List.of("full", "constrained", "constrained-transform", "ordered", "ordered-transform"),
                Prior.NAMES);
        assertInstanceOf(OrderedPrior.class, Prior.parse("ordered", 5));
        assertInstanceOf(OrderedTransformPrior.class, Prior.parse("ordered-transform", 5));
        assertInstanceOf(FullPrior.class, Prior.parse("full", 5));
        assertInstanceOf(ConstrainedPrior.class, Prior.parse("constrained", 5));
        assertInstanceOf(ConstrainedTransformPrior.class, Prior.parse("constrained-transform", 2));
        for (String name : Prior.NAMES) {
            Prior prior = Prior.parse(name, 3);
            assertEquals(name, prior.name());
            assertEquals(3, prior.halfWidth());
        }
    }

    @Test
    void refusesUnknownNamesAndBadHalfWidths() {
        assertMessage(() -> Prior.parse("gaussian", 5), "unknown prior 'gaussian'; expected one of full, constrained,"
                + " constrained-transform, ordered, ordered-transform");
        assertMessage(() -> Prior.parse(null, 5), "no prior name");
        assertMessage(() -> Prior.parse("constrained", 0), "prior 'constrained': half-width must be positive");
        assertMessage(() -> Prior.parse("full", Double.NaN), "prior 'full': half-width");
    }

    @Test
    void constrainedPriorsNeedTwoHiddenUnits() {
        var train = ModelFixtures.devTrain();
        assertMessage(() -> new BnnProblem(train, 3, new ConstrainedPrior(5)), "prior 'constrained' constrains");
        assertMessage(() -> new BnnProblem(train, 1, new ConstrainedTransformPrior(5)),
                "prior 'constrained-transform' constrains");
        assertEquals(13, new BnnProblem(train, 3, new FullPrior(5)).dimension());
    }

    @Test
    void fullPriorMapsTheCubeOntoTheBox() {
        double[] theta = new double[9];
        new FullPrior(5).fromUnitCube(NetworkShape.PAPER, new double[] {0, 0.5, 0.75, 0.1, 0.2, 0.3, 0.4, 0.6, 0.9},
                theta);
        assertEquals(-5, theta[0], 0);
        assertEquals(0, theta[1], 0);
        assertEquals(2.5, theta[2], 0);
        assertEquals(4, theta[8], 1e-15);
    }

    @Test
    void constraintMatchesTheReferenceAcceptedFraction() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(777L);
        ConstrainedPrior prior = new ConstrainedPrior(5);
        double[] unit = new double[9];
        double[] theta = new double[9];
        int draws = 2_000_000;
        int accepted = 0;
        for (int draw = 0; draw < draws; draw++) {
            for (int i = 0; i < 4; i++) {
                unit[i] = rng.nextDouble();
            }
            prior.fromUnitCube(NetworkShape.PAPER, unit, theta);
            if (prior.allows(NetworkShape.PAPER, theta)) {
                accepted++;
            }
        }
        double f = (double) accepted / draws;
        double sigma = Math.sqrt(f * (1 - f) / draws + REFERENCE_F_SD * REFERENCE_F_SD);
        assertEquals(REFERENCE_F, f, 4 * sigma, "accepted fraction");
    }

    @Test
    void constraintConditions() {
        assertTrue(ConstrainedPrior.satisfiesConstraint(1, 0.5, -0.5, 1));
        assertFalse(ConstrainedPrior.satisfiesConstraint(-1, 0.5, -0.5, 1), "w11 > 0");
        assertFalse(ConstrainedPrior.satisfiesConstraint(1, 0.5, -0.5, -1), "w22 > 0");
        assertFalse(ConstrainedPrior.satisfiesConstraint(1, 2.5, 0.5, 1), "sym(W) positive definite");
        assertFalse(ConstrainedPrior.satisfiesConstraint(1, -0.5, 0.5, 1), "w12 > w21");
    }

    @Test
    void everyTransformedPointSatisfiesTheConstraint() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(99L);
        ConstrainedTransformPrior prior = new ConstrainedTransformPrior(5);
        double[] unit = new double[9];
        double[] theta = new double[9];
        double maxAbsW22 = 0;
        for (int draw = 0; draw < 200_000; draw++) {
            for (int i = 0; i < unit.length; i++) {
                unit[i] = rng.nextDouble();
            }
            prior.fromUnitCube(NetworkShape.PAPER, unit, theta);
            assertTrue(ConstrainedPrior.satisfiesConstraint(theta[0], theta[1], theta[2], theta[3]),
                    java.util.Arrays.toString(theta));
            assertTrue(prior.allows(NetworkShape.PAPER, theta));
            for (int i = 4; i < 9; i++) {
                assertTrue(Math.abs(theta[i]) <= 5);
            }
            maxAbsW22 = Math.max(maxAbsW22, theta[3]);
        }
        assertTrue(maxAbsW22 > 5 && maxAbsW22 <= 10, "w22 reaches beyond the box, up to 2a: " + maxAbsW22);
    }

    @Test
    void transformCornerOfTheCubeSatisfiesTheConstraint() {
        double[] theta = new double[9];
        new ConstrainedTransformPrior(5).fromUnitCube(NetworkShape.PAPER, new double[9], theta);
        assertArrayEquals(new double[] {5, 5 * -1 + 5, 5 * -1 - 5, 10}, java.util.Arrays.copyOf(theta, 4), 1e-14);
        assertTrue(ConstrainedPrior.satisfiesConstraint(theta[0], theta[1], theta[2], theta[3]));
    }

    private static void assertMessage(Runnable action, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
