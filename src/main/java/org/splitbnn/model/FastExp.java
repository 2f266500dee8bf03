package org.splitbnn.model;

/**
 * An exponential on a clamped range, accurate to a few units in the last place, with a twin in {@link
 * VectorRowTerms#exp} that gives the same bits lane by lane: the likelihood's inner loops use it.
 *
 * <p>{@code exp(x)} returns e<sup>c</sup> with c = x clamped to [-{@value #LIMIT}, {@value #LIMIT}], computed as
 * 2<sup>n</sup> e<sup>r</sup> with n = c / ln 2 rounded to the nearest integer, r = c - n ln 2 (|r| &le; 0.347, ln 2
 * split in two parts) and e<sup>r</sup> from its degree-12 Taylor polynomial (truncation error below 3e-16); the power
 * of two is built from its exponent bits. The relative error against the exact e<sup>c</sup> is below {@value
 * #MAX_RELATIVE_ERROR} on the whole range (measured by {@code FastExpTest}). Clamping changes a sigmoid or softplus
 * built on it by less than e<sup>-40</sup> &asymp; 4.3e-18 in absolute value. NaN gives NaN. Only IEEE 754 operations
 * with a single rounding each (add, multiply, fused multiply-add, min, max) and integer bit operations are used, so
 * the result is the same on every machine.
 */
public final class FastExp {

    /** The argument is clamped to [-LIMIT, LIMIT]. */
    public static final double LIMIT = 40;

    /** Bound on the relative error against the exact exponential of the clamped argument. */
    public static final double MAX_RELATIVE_ERROR = 1e-15;

    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in the low mantissa bits. */
    static final double ROUNDING_SHIFT = 0x1.8p52;
    static final double LOG2_E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO. */
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** Exponent bias of a double. */
    static final long EXPONENT_BIAS = 1023;
    /** Position of a double's exponent field. */
    static final int EXPONENT_SHIFT = 52;
    /** Coefficients 1/k! of the Taylor polynomial, named by k. */
    static final double T2 = 1.0 / 2;
    static final double T3 = 1.0 / 6;
    static final double T4 = 1.0 / 24;
    static final double T5 = 1.0 / 120;
    static final double T6 = 1.0 / 720;
    static final double T7 = 1.0 / 5040;
    static final double T8 = 1.0 / 40320;
    static final double T9 = 1.0 / 362880;
    static final double T10 = 1.0 / 3628800;
    static final double T11 = 1.0 / 39916800;
    static final double T12 = 1.0 / 479001600;

    private FastExp() {
    }

    /** e to the power x clamped to [-{@value #LIMIT}, {@value #LIMIT}]. */
    public static double exp(double x) {
        double c = Math.max(-LIMIT, Math.min(LIMIT, x));
        double shifted = Math.fma(c, LOG2_E, ROUNDING_SHIFT);
        double n = shifted - ROUNDING_SHIFT;
        double r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        double p = Math.fma(T12, r, T11);
        p = Math.fma(p, r, T10);
        p = Math.fma(p, r, T9);
        p = Math.fma(p, r, T8);
        p = Math.fma(p, r, T7);
        p = Math.fma(p, r, T6);
        p = Math.fma(p, r, T5);
        p = Math.fma(p, r, T4);
        p = Math.fma(p, r, T3);
        p = Math.fma(p, r, T2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        double powerOfTwo = Double.longBitsToDouble(
                (Double.doubleToRawLongBits(shifted) + EXPONENT_BIAS) << EXPONENT_SHIFT);
        return p * powerOfTwo;
    }
}
