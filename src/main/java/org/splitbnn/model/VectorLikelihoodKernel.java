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
    void fillDenominators(double w1, double w2, double bias, double[] denominator) {
        for (int row = 0; row < paddedRows; row += SPECIES.length()) {
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, this.x1, row);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, this.x2, row);
            DoubleVector minusActivation = x1.fma(x1.broadcast(-w1), x2.fma(-w2, -bias));
            exp(minusActivation).add(1.0).intoArray(denominator, row);
        }
    }

    @Override
    void addPair(double weightD, double[] d, double weightE, double[] e) {
        for (int row = 0; row < paddedRows; row += SPECIES.length()) {
            logitAfterPair(weightD, d, weightE, e, row).intoArray(logit, row);
        }
    }

    @Override
    void accumulateAfterPair(double weightD, double[] d, double weightE, double[] e, int from, int to) {
        if (SPECIES.length() == ACCUMULATORS) {
            DoubleVector product = DoubleVector.broadcast(SPECIES, 1.0);
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int row = from; row < to; row += SPECIES.length()) {
                DoubleVector z = logitAfterPair(weightD, d, weightE, e, row);
                product = product.mul(factor(z));
                sum = sum.add(part(z, row));
            }
            product.intoArray(productOfFactors, 0);
            sum.intoArray(sumOfParts, 0);
        } else {
            for (int row = from; row < to; row += SPECIES.length()) {
                DoubleVector z = logitAfterPair(weightD, d, weightE, e, row);
                int accumulator = row % ACCUMULATORS;
                DoubleVector.fromArray(SPECIES, productOfFactors, accumulator).mul(factor(z))
                        .intoArray(productOfFactors, accumulator);
                DoubleVector.fromArray(SPECIES, sumOfParts, accumulator).add(part(z, row))
                        .intoArray(sumOfParts, accumulator);
            }
        }
    }

    /** logit + fma(weightD, e, weightE * d) / (d * e) at the rows from {@code row}. */
    private DoubleVector logitAfterPair(double weightD, double[] d, double weightE, double[] e, int row) {
        DoubleVector dv = DoubleVector.fromArray(SPECIES, d, row);
        DoubleVector ev = DoubleVector.fromArray(SPECIES, e, row);
        DoubleVector pair = ev.fma(ev.broadcast(weightD), dv.mul(weightE)).div(dv.mul(ev));
        return DoubleVector.fromArray(SPECIES, logit, row).add(pair);
    }

    private static DoubleVector factor(DoubleVector z) {
        return exp(z.abs().neg()).add(1.0);
    }

    private DoubleVector part(DoubleVector z, int row) {
        return DoubleVector.fromArray(SPECIES, labelSign, row).mul(z).max(0.0);
    }

    /** {@link FastExp#exp(double)} lane by lane, the same operations in the same order. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.min(FastExp.LIMIT).max(-FastExp.LIMIT);
        DoubleVector shifted = c.fma(FastExp.LOG2_E, FastExp.ROUNDING_SHIFT);
        DoubleVector n = shifted.sub(FastExp.ROUNDING_SHIFT);
        DoubleVector r = n.fma(n.broadcast(-FastExp.LN2), c);
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
