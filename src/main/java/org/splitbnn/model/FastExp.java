package org.splitbnn.model;

/**
 * An exponential on a clamped range, accurate to a few units in the last place, with twins in {@link
 * VectorLikelihoodKernel#expWithinLimit} and {@link VectorLikelihoodKernel#clamp} that give the same bits lane by
 * lane: the likelihood's inner loops use them, and skip the clamp ({@link #expWithinLimit}) where it changes nothing.
 *
 * <p>{@code exp(x)} returns e<sup>c</sup> with c = x clamped to [-{@value #LIMIT}, {@value #LIMIT}], computed as
 * 2<sup>n</sup> e<sup>r</sup> with n = c / ln 2 rounded to the nearest integer, r = c - n ln 2 (|r| &le; 0.347) and
 * e<sup>r</sup> from a degree-10 polynomial {@code 1 + r + r^2 q(r)}, q the near-minimax (Chebyshev) fit of
 * (e<sup>r</sup> - 1 - r) / r<sup>2</sup> (approximation error below 1.2e-15 relative); multiplying by 2<sup>n</sup> is
 * an integer addition of n to the exponent field (exact: the result is a normal number). ln 2 is used rounded to a
 * double, which adds at most |n| 2<sup>-56</sup> &le; 9e-16 to the relative error where |c| is near {@value #LIMIT} and
 * nothing near 0. The relative error against the exact e<sup>c</sup> is below {@value #MAX_RELATIVE_ERROR} on the whole
 * range (measured by {@code FastExpTest}). Clamping changes a sigmoid or softplus built on it by less than
 * e<sup>-40</sup> &asymp; 4.3e-18 in absolute value. NaN gives NaN. Only IEEE 754 operations with a single rounding
 * each (add, multiply, fused multiply-add, min, max) and integer bit operations are used, so the result is the same on
 * every machine.
 */
public final class FastExp {

    /** The argument is clamped to [-LIMIT, LIMIT]. */
    public static final double LIMIT = 40;

    /** Bound on the relative error against the exact exponential of the clamped argument. */
    public static final double MAX_RELATIVE_ERROR = 3e-15;

    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in the low mantissa bits. */
    static final double ROUNDING_SHIFT = 0x1.8p52;
    static final double LOG2_E = 0x1.71547652b82fep0;
    static final double LN2 = 0x1.62e42fefa39efp-1;
    /** Position of a double's exponent field. */
    static final int EXPONENT_SHIFT = 52;
    /** Coefficient of r^k in the polynomial, named by k (those of r^1 and r^0 are 1). */
    static final double P10 = 0x1.28803926c96ffp-22;
    static final double P9 = 0x1.72c720b2e1444p-19;
    static final double P8 = 0x1.a019c9ab213a4p-16;
    static final double P7 = 0x1.a019adabfb6a2p-13;
    static final double P6 = 0x1.6c16c1738ecf7p-10;
    static final double P5 = 0x1.1111111c45d5bp-7;
    static final double P4 = 0x1.5555555554cb8p-5;
    static final double P3 = 0x1.5555555553b7dp-3;
    static final double P2 = 0x1.0000000000000p-1;

    private FastExp() {
    }

    /** e to the power x clamped to [-{@value #LIMIT}, {@value #LIMIT}]. */
    public static double exp(double x) {
        return expWithinLimit(Math.max(-LIMIT, Math.min(LIMIT, x)));
    }

    /**
     * e to the power x for x in [-{@value #LIMIT}, {@value #LIMIT}], where it gives the bits of {@link #exp}
     * without the clamp's cost; outside that range the caller gets no promise.
     */
    public static double expWithinLimit(double x) {
        double shifted = Math.fma(x, LOG2_E, ROUNDING_SHIFT);
        double n = shifted - ROUNDING_SHIFT;
        double r = Math.fma(n, -LN2, x);
        double p = Math.fma(P10, r, P9);
        p = Math.fma(p, r, P8);
        p = Math.fma(p, r, P7);
        p = Math.fma(p, r, P6);
        p = Math.fma(p, r, P5);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        return Double.longBitsToDouble(
                Double.doubleToRawLongBits(p) + (Double.doubleToRawLongBits(shifted) << EXPONENT_SHIFT));
    }
}
