package org.splitbnn.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.splitbnn.data.Dataset;

/**
 * {@link LikelihoodKernel} several rows per instruction with the Vector API ({@code jdk.incubator.vector}): each
 * lane runs the operations of {@link ScalarLikelihoodKernel} in the same order, and lane i of the vector at row r
 * accumulates into accumulator (r + i) mod {@value LikelihoodKernel#ACCUMULATORS}, as the scalar kernel does (in a
 * register when a vector holds exactly the accumulators, in memory otherwise); so the bits do not depend on the
 * number of lanes. Loaded only when the module is present (see {@link LikelihoodKernel#of}).
 *
 * <p>Where the hardware lacks an operation at this width, the Vector API runs it lane by lane in Java: the same
 * bits, many times slower, and Java offers no public way to detect it. On x86 every operation used here compiles to
 * vector instructions with AVX2 and FMA (4 lanes) or AVX-512 (8 lanes); on CPUs without an FMA unit (before
 * Haswell) the fused multiply-adds are slow in both kernels, since {@link Math#fma} is then computed in software.
 */
final class VectorLikelihoodKernel extends LikelihoodKernel {

    /**
     * The hardware's preferred vector, at most 8 doubles (a divisor of the accumulator count). A constant, as the
     * Vector API needs to compile to vector instructions; a species held in a field runs in its slow Java fallback.
     */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.length() <= ACCUMULATORS
            ? DoubleVector.SPECIES_PREFERRED
            : DoubleVector.SPECIES_512;

    VectorLikelihoodKernel(Dataset data, NetworkShape shape) {
        super(data, shape);
    }

    /** Rows per instruction. */
    static int lanes() {
        return SPECIES.length();
    }

    @Override
    void fillDenominators(double w1, double w2, double bias, double[] denominator, boolean withinLimit) {
        if (withinLimit) {
            for (int row = 0; row < paddedRows; row += SPECIES.length()) {
                expWithinLimit(minusActivation(w1, w2, bias, row)).add(1.0).intoArray(denominator, row);
            }
        } else {
            for (int row = 0; row < paddedRows; row += SPECIES.length()) {
                exp(minusActivation(w1, w2, bias, row)).add(1.0).intoArray(denominator, row);
            }
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
        if (SPECIES.length() == ACCUMULATORS) {
            DoubleVector product = DoubleVector.broadcast(SPECIES, 1.0);
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int row = from; row < to; row += SPECIES.length()) {
                DoubleVector z = logitAfterPair(weightD, d, weightE, e, row);
                DoubleVector minusAbsZ = z.abs().neg();
                DoubleVector exp = withinLimit ? expWithinLimit(minusAbsZ) : exp(minusAbsZ);
                product = product.mul(factor(exp, row));
                sum = sum.add(part(z, row));
            }
            product.intoArray(productOfFactors, 0);
            sum.intoArray(sumOfParts, 0);
        } else {
            for (int row = from; row < to; row += SPECIES.length()) {
                DoubleVector z = logitAfterPair(weightD, d, weightE, e, row);
                DoubleVector minusAbsZ = z.abs().neg();
                DoubleVector exp = withinLimit ? expWithinLimit(minusAbsZ) : exp(minusAbsZ);
                int accumulator = row % ACCUMULATORS;
                DoubleVector.fromArray(SPECIES, productOfFactors, accumulator).mul(factor(exp, row))
                        .intoArray(productOfFactors, accumulator);
                DoubleVector.fromArray(SPECIES, sumOfParts, accumulator).add(part(z, row))
                        .intoArray(sumOfParts, accumulator);
            }
        }
    }

    /** fma(-w1, x1, fma(-w2, x2, -bias)) at the rows from {@code row}. */
    private DoubleVector minusActivation(double w1, double w2, double bias, int row) {
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, this.x1, row);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, this.x2, row);
        return x1.fma(x1.broadcast(-w1), x2.fma(-w2, -bias));
    }

    /** logit + fma(weightD, e, weightE * d) / (d * e) at the rows from {@code row}. */
    private DoubleVector logitAfterPair(double weightD, double[] d, double weightE, double[] e, int row) {
        DoubleVector dv = DoubleVector.fromArray(SPECIES, d, row);
        DoubleVector ev = DoubleVector.fromArray(SPECIES, e, row);
        DoubleVector pair = ev.fma(ev.broadcast(weightD), dv.mul(weightE)).div(dv.mul(ev));
        return DoubleVector.fromArray(SPECIES, logit, row).add(pair);
    }

    /** fma(exp(-|z|), dataRow, 1) at the rows from {@code row}. */
    private DoubleVector factor(DoubleVector expOfMinusAbsZ, int row) {
        return expOfMinusAbsZ.fma(DoubleVector.fromArray(SPECIES, dataRow, row), expOfMinusAbsZ.broadcast(1.0));
    }

    /** t + |t| with t = labelSign * z at the rows from {@code row}. */
    private DoubleVector part(DoubleVector z, int row) {
        DoubleVector t = DoubleVector.fromArray(SPECIES, labelSign, row).mul(z);
        return t.add(t.abs());
    }

    /** {@link FastExp#exp(double)} lane by lane, the same operations in the same order. */
    static DoubleVector exp(DoubleVector x) {
        return expWithinLimit(x.min(FastExp.LIMIT).max(-FastExp.LIMIT));
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
