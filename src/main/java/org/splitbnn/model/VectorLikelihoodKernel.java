package org.splitbnn.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.splitbnn.data.Dataset;

/**
 * {@link LikelihoodKernel} several rows per instruction with the Vector API ({@code jdk.incubator.vector}): each
 * lane runs the operations of {@link ScalarLikelihoodKernel} in the same order, and lane i of the vector at row r
 * accumulates into accumulator (r + i) mod {@value LikelihoodKernel#ACCUMULATORS}, as the scalar kernel does (the
 * accumulators held in registers: one vector of 8 lanes, or 2 or 4 narrower ones); so the bits do not depend on the
 * number of lanes. Loaded only when the module is present (see {@link LikelihoodKernel#of}).
 *
 * <p>Where the hardware lacks an operation at this width, the Vector API runs it lane by lane in Java: the same
 * bits, many times slower, and Java offers no public way to detect it. On x86 every operation used here compiles to
 * vector instructions with AVX2 and FMA (4 lanes) or AVX-512 (8 lanes); with AVX alone the 4-lane integer
 * operations of the exponential's scaling are missing. On CPUs without an FMA unit (before Haswell) the fused
 * multiply-adds are slow in both kernels, since {@link Math#fma} is then computed in software. Measured on AVX-512
 * (per call, 220 rows, 2 hidden units): about 0.5 microseconds with 8 lanes, 1.2 with 4 (an AVX2 machine, emulated
 * with {@code -XX:MaxVectorSize=32}), 2.7 with 2.
 */
final class VectorLikelihoodKernel extends LikelihoodKernel {

    /**
     * The hardware's preferred vector, at most 8 doubles (a divisor of the accumulator count). A constant, as the
     * Vector API needs to compile to vector instructions; a species held in a field runs in its slow Java fallback.
     */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.length() <= ACCUMULATORS
            ? DoubleVector.SPECIES_PREFERRED
            : DoubleVector.SPECIES_512;

    /** Vectors that hold the {@value LikelihoodKernel#ACCUMULATORS} accumulators: 1, 2 or 4. */
    private static final int VECTORS_PER_ACCUMULATORS = ACCUMULATORS / SPECIES.length();

    VectorLikelihoodKernel(Dataset data, NetworkShape shape) {
        super(data, shape);
    }

    /** Rows per instruction. */
    static int lanes() {
        return SPECIES.length();
    }

    @Override
    void fillDenominators(double[] minusWeights, double minusBias, double[] denominator, boolean withinLimit) {
        int last = minusWeights.length - 1;
        for (int row = 0; row < paddedRows; row += SPECIES.length()) {
            DoubleVector minusActivation = DoubleVector.broadcast(SPECIES, minusBias);
            for (int input = last; input >= 0; input--) {
                minusActivation = DoubleVector.fromArray(SPECIES, x[input], row)
                        .fma(DoubleVector.broadcast(SPECIES, minusWeights[input]), minusActivation);
            }
            expWithinLimit(withinLimit ? minusActivation : clamp(minusActivation)).add(1.0)
                    .intoArray(denominator, row);
        }
    }

    @Override
    void addPair(double weightD, double[] d, double weightE, double[] e) {
        for (int row = 0; row < paddedRows; row += SPECIES.length()) {
            logitAfterPair(weightD, d, weightE, e, row).intoArray(logit, row);
        }
    }

    @Override
    void accumulateAfterPair(double weightD, double[] d, double weightE, double[] e, int from, int to,
            boolean withinLimit) {
        int lanes = SPECIES.length();
        DoubleVector product0 = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector product1 = product0;
        DoubleVector product2 = product0;
        DoubleVector product3 = product0;
        DoubleVector sum0 = DoubleVector.zero(SPECIES);
        DoubleVector sum1 = sum0;
        DoubleVector sum2 = sum0;
        DoubleVector sum3 = sum0;
        for (int row = from; row < to; row += ACCUMULATORS) {
            DoubleVector z = logitAfterPair(weightD, d, weightE, e, row);
            product0 = product0.mul(factor(z, row, withinLimit));
            sum0 = sum0.add(part(z, row));
            if (VECTORS_PER_ACCUMULATORS > 1) {
                z = logitAfterPair(weightD, d, weightE, e, row + lanes);
                product1 = product1.mul(factor(z, row + lanes, withinLimit));
                sum1 = sum1.add(part(z, row + lanes));
            }
            if (VECTORS_PER_ACCUMULATORS > 2) {
                z = logitAfterPair(weightD, d, weightE, e, row + 2 * lanes);
                product2 = product2.mul(factor(z, row + 2 * lanes, withinLimit));
                sum2 = sum2.add(part(z, row + 2 * lanes));
                z = logitAfterPair(weightD, d, weightE, e, row + 3 * lanes);
                product3 = product3.mul(factor(z, row + 3 * lanes, withinLimit));
                sum3 = sum3.add(part(z, row + 3 * lanes));
            }
        }
        product0.intoArray(productOfFactors, 0);
        sum0.intoArray(sumOfParts, 0);
        if (VECTORS_PER_ACCUMULATORS > 1) {
            product1.intoArray(productOfFactors, lanes);
            sum1.intoArray(sumOfParts, lanes);
        }
        if (VECTORS_PER_ACCUMULATORS > 2) {
            product2.intoArray(productOfFactors, 2 * lanes);
            sum2.intoArray(sumOfParts, 2 * lanes);
            product3.intoArray(productOfFactors, 3 * lanes);
            sum3.intoArray(sumOfParts, 3 * lanes);
        }
    }

    /** logit + fma(weightD, e, weightE * d) / (d * e) at the rows from {@code row}. */
    private DoubleVector logitAfterPair(double weightD, double[] d, double weightE, double[] e, int row) {
        DoubleVector dv = DoubleVector.fromArray(SPECIES, d, row);
        DoubleVector ev = DoubleVector.fromArray(SPECIES, e, row);
        DoubleVector pair = ev.fma(ev.broadcast(weightD), dv.mul(weightE)).div(dv.mul(ev));
        return DoubleVector.fromArray(SPECIES, logit, row).add(pair);
    }

    /** fma(exp(-|z|), dataRow, 1) at the rows from {@code row}, the clamp skipped when |z| is within the limit. */
    private DoubleVector factor(DoubleVector z, int row, boolean withinLimit) {
        DoubleVector minusAbsZ = z.abs().neg();
        DoubleVector exp = expWithinLimit(withinLimit ? minusAbsZ : clamp(minusAbsZ));
        return exp.fma(DoubleVector.fromArray(SPECIES, dataRow, row), exp.broadcast(1.0));
    }

    /** t + |t| with t = labelSign * z at the rows from {@code row}. */
    private DoubleVector part(DoubleVector z, int row) {
        DoubleVector t = DoubleVector.fromArray(SPECIES, labelSign, row).mul(z);
        return t.add(t.abs());
    }

    /**
     * x clamped to [-{@link FastExp#LIMIT}, {@link FastExp#LIMIT}] as {@link FastExp#exp(double)} does, which is
     * {@code expWithinLimit(clamp(x))}.
     */
    static DoubleVector clamp(DoubleVector x) {
        return x.min(FastExp.LIMIT).max(-FastExp.LIMIT);
    }

    /** {@link FastExp#expWithinLimit(double)} lane by lane, the same operations in the same order. */
    static DoubleVector expWithinLimit(DoubleVector x) {
        DoubleVector shifted = x.fma(FastExp.LOG2_E, FastExp.ROUNDING_SHIFT);
        DoubleVector n = shifted.sub(FastExp.ROUNDING_SHIFT);
        DoubleVector r = n.fma(n.broadcast(-FastExp.LN2), x);
        DoubleVector p = r.fma(FastExp.P10, FastExp.P9);
        p = p.fma(r, r.broadcast(FastExp.P8));
        p = p.fma(r, r.broadcast(FastExp.P7));
        p = p.fma(r, r.broadcast(FastExp.P6));
        p = p.fma(r, r.broadcast(FastExp.P5));
        p = p.fma(r, r.broadcast(FastExp.P4));
        p = p.fma(r, r.broadcast(FastExp.P3));
        p = p.fma(r, r.broadcast(FastExp.P2));
        p = p.fma(r, r.broadcast(1.0));
        p = p.fma(r, r.broadcast(1.0));
        return p.reinterpretAsLongs()
                .add(shifted.reinterpretAsLongs().lanewise(VectorOperators.LSHL, FastExp.EXPONENT_SHIFT))
                .reinterpretAsDoubles();
    }
}
