package org.splitbnn.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.splitbnn.data.Dataset;

/**
 * {@link RowTerms} for several rows per instruction with the Vector API ({@code jdk.incubator.vector}): each lane
 * runs the operations of {@link ScalarRowTerms} in the same order, so the bits do not depend on the number of lanes.
 * Loaded only when the module is present (see {@link RowTerms#of}).
 */
final class VectorRowTerms extends RowTerms {

    private final VectorSpecies<Double> species;

    /** Terms computed {@code species.length()} rows at a time (any species works; the preferred one is fast). */
    VectorRowTerms(Dataset data, NetworkShape shape, VectorSpecies<Double> species) {
        super(data, shape, species.length());
        this.species = species;
    }

    /** Terms at the hardware's preferred vector size. */
    static VectorRowTerms preferred(Dataset data, NetworkShape shape) {
        return new VectorRowTerms(data, shape, DoubleVector.SPECIES_PREFERRED);
    }

    /** Doubles in the hardware's preferred vector. */
    static int hardwareLanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }

    @Override
    int lanes() {
        return species.length();
    }

    @Override
    void compute(double[] theta, double[] factor, double[] positivePart) {
        int hidden = shape.hidden();
        for (int row = 0; row < paddedRows; row += species.length()) {
            DoubleVector x1 = DoubleVector.fromArray(species, this.x1, row);
            DoubleVector x2 = DoubleVector.fromArray(species, this.x2, row);
            DoubleVector z = DoubleVector.broadcast(species, theta[shape.outputBias()]);
            int unit = 0;
            for (; unit + 1 < hidden; unit += 2) {
                DoubleVector d = denominator(theta, unit, x1, x2);
                DoubleVector e = denominator(theta, unit + 1, x1, x2);
                DoubleVector numerator = e.fma(e.broadcast(theta[shape.outputWeight(unit)]),
                        d.mul(theta[shape.outputWeight(unit + 1)]));
                z = z.add(numerator.div(d.mul(e)));
            }
            if (unit < hidden) {
                DoubleVector weight = DoubleVector.broadcast(species, theta[shape.outputWeight(unit)]);
                z = z.add(weight.div(denominator(theta, unit, x1, x2)));
            }
            exp(z.abs().neg()).add(1.0).intoArray(factor, row);
            DoubleVector.fromArray(species, labelSign, row).mul(z).max(0.0).intoArray(positivePart, row);
        }
    }

    /** 1 + exp(-activation) of hidden unit {@code unit}, lane by lane. */
    private DoubleVector denominator(double[] theta, int unit, DoubleVector x1, DoubleVector x2) {
        DoubleVector activation = x1.fma(x1.broadcast(theta[shape.inputWeight(0, unit)]),
                x2.fma(theta[shape.inputWeight(1, unit)], theta[shape.hiddenBias(unit)]));
        return exp(activation.neg()).add(1.0);
    }

    /** {@link FastExp#exp(double)} lane by lane, the same operations in the same order. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.min(FastExp.LIMIT).max(-FastExp.LIMIT);
        DoubleVector shifted = c.fma(FastExp.LOG2_E, FastExp.ROUNDING_SHIFT);
        DoubleVector n = shifted.sub(FastExp.ROUNDING_SHIFT);
        DoubleVector r = n.fma(n.broadcast(-FastExp.LN2_HI), c);
        r = n.fma(n.broadcast(-FastExp.LN2_LO), r);
        DoubleVector p = r.fma(FastExp.T12, FastExp.T11);
        p = p.fma(r, r.broadcast(FastExp.T10));
        p = p.fma(r, r.broadcast(FastExp.T9));
        p = p.fma(r, r.broadcast(FastExp.T8));
        p = p.fma(r, r.broadcast(FastExp.T7));
        p = p.fma(r, r.broadcast(FastExp.T6));
        p = p.fma(r, r.broadcast(FastExp.T5));
        p = p.fma(r, r.broadcast(FastExp.T4));
        p = p.fma(r, r.broadcast(FastExp.T3));
        p = p.fma(r, r.broadcast(FastExp.T2));
        p = p.fma(r, r.broadcast(1.0));
        p = p.fma(r, r.broadcast(1.0));
        DoubleVector powerOfTwo = shifted.reinterpretAsLongs().add(FastExp.EXPONENT_BIAS)
                .lanewise(VectorOperators.LSHL, FastExp.EXPONENT_SHIFT).reinterpretAsDoubles();
        return p.mul(powerOfTwo);
    }
}
