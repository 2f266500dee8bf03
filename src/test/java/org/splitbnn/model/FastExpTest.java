package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastExpTest {

    /** Every 1e-5 on [-40, 40) against StrictMath.exp (itself within 1 ulp). */
    @Test
    void relativeErrorIsBelowTheDocumentedBoundOnTheWholeRange() {
        double maxError = 0;
        for (long k = -4_000_000; k < 4_000_000; k++) {
            double x = k * 1e-5 + 0.3e-6;
            maxError = Math.max(maxError, Math.abs(FastExp.exp(x) / StrictMath.exp(x) - 1));
        }
        for (double x : new double[] {-FastExp.LIMIT, -1e-300, 0, Double.MIN_VALUE, 1e-10, FastExp.LIMIT}) {
            maxError = Math.max(maxError, Math.abs(FastExp.exp(x) / StrictMath.exp(x) - 1));
        }
        assertTrue(maxError < FastExp.MAX_RELATIVE_ERROR, "max relative error " + maxError);
        assertTrue(maxError > 0, "approximate, so not exact everywhere");
    }

    /** Every 1e-5 on [-40, 40] and the ends: the unclamped form has the clamped form's bits within the limit. */
    @Test
    void withinTheLimitTheUnclampedFormGivesTheSameBits() {
        for (long k = -4_000_000; k <= 4_000_000; k++) {
            double x = Math.max(-FastExp.LIMIT, Math.min(FastExp.LIMIT, k * 1e-5 + 0.3e-6));
            assertEquals(Double.doubleToRawLongBits(FastExp.exp(x)),
                    Double.doubleToRawLongBits(FastExp.expWithinLimit(x)), "x = " + x);
        }
        for (double x : new double[] {-FastExp.LIMIT, Math.nextUp(-FastExp.LIMIT), -0.0, 0, Double.MIN_VALUE,
            Math.nextDown(FastExp.LIMIT), FastExp.LIMIT}) {
            assertEquals(Double.doubleToRawLongBits(FastExp.exp(x)),
                    Double.doubleToRawLongBits(FastExp.expWithinLimit(x)), "x = " + x);
        }
    }

    @Test
    void clampsOutsideTheRange() {
        assertEquals(FastExp.exp(FastExp.LIMIT), FastExp.exp(1e6), 0);
        assertEquals(FastExp.exp(-FastExp.LIMIT), FastExp.exp(Double.NEGATIVE_INFINITY), 0);
        assertEquals(FastExp.exp(FastExp.LIMIT), FastExp.exp(Double.POSITIVE_INFINITY), 0);
        assertTrue(FastExp.exp(-FastExp.LIMIT) < 4.3e-18);
        assertEquals(1.0, FastExp.exp(0), 0);
    }
}
