package org.splitbnn.sampler;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CentreScan} several centres per instruction with the Vector API ({@code jdk.incubator.vector}): lane j of
 * the vector at centre k runs the scalar kernel's operations for centre k + j, in registers across the coordinates.
 * No lane reads another, so the answers do not depend on the number of lanes. Loaded only when the module is present
 * (see {@link CentreScan#of}).
 */
final class VectorCentreScan extends CentreScan {

    /** The hardware's preferred vector, at most {@value CentreScan#PADDING} doubles; a constant, as the API needs. */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.length() <= PADDING
            ? DoubleVector.SPECIES_PREFERRED
            : DoubleVector.SPECIES_512;

    VectorCentreScan(double[] centres, int n, int dim) {
        super(centres, n, dim);
    }

    /** Centres per instruction. */
    static int lanes() {
        return SPECIES.length();
    }

    @Override
    boolean anyWithin(double[] v, double radius2, int limit) {
        for (int k = 0; k < limit; k += SPECIES.length()) {
            VectorMask<Double> within = within(v, radius2, k);
            if (k + SPECIES.length() > limit) {
                within = within.and(SPECIES.indexInRange(k, limit));
            }
            if (within.anyTrue()) {
                return true;
            }
        }
        return false;
    }

    @Override
    double nearest2(double[] v) {
        DoubleVector nearest = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        for (int k = 0; k < stride; k += SPECIES.length()) {
            nearest = nearest.min(distances2(v, k));
        }
        return nearest.reduceLanes(VectorOperators.MIN);
    }

    @Override
    void distances2(double[] v, double[] out) {
        for (int k = 0; k < stride; k += SPECIES.length()) {
            distances2(v, k).intoArray(out, k);
        }
    }

    /** Which of the centres from k on, one per lane, lie within the distance. */
    private VectorMask<Double> within(double[] v, double radius2, int k) {
        return distances2(v, k).compare(VectorOperators.LE, radius2);
    }

    /** The squared distances from {@code v} to the centres from k on, one per lane. */
    private DoubleVector distances2(double[] v, int k) {
        DoubleVector d2 = DoubleVector.zero(SPECIES);
        for (int i = 0; i < dim; i++) {
            DoubleVector d = DoubleVector.fromArray(SPECIES, columns, i * stride + k).sub(v[i]);
            d2 = d2.add(d.mul(d));
        }
        return d2;
    }
}
