package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;

/**
 * The vector terms give the scalar reference's bits at every vector width (2, 4 and 8 lanes; widths the hardware
 * lacks run in the Vector API's Java fallback, slowly but with the same semantics), so the likelihood does not
 * depend on the machine.
 */
class RowTermsTest {

    private static final List<VectorSpecies<Double>> WIDTHS =
            List.of(DoubleVector.SPECIES_128, DoubleVector.SPECIES_256, DoubleVector.SPECIES_512);

    private final Dataset train = ModelFixtures.devTrain();

    @Test
    void vectorTermsHaveTheScalarBitsAtEveryWidthAndHiddenSize() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        Dataset odd = everySixthRow(train);
        for (int hidden : new int[] {1, 2, 3, 4, 5}) {
            NetworkShape shape = new NetworkShape(hidden);
            for (Dataset data : List.of(train, odd)) {
                ScalarRowTerms scalar = new ScalarRowTerms(data, shape);
                FastLogLikelihood reference = new FastLogLikelihood(scalar);
                List<RowTerms> vectors = new ArrayList<>();
                for (VectorSpecies<Double> species : WIDTHS) {
                    vectors.add(new VectorRowTerms(data, shape, species));
                }
                for (double[] theta : thetas(rng, shape.dimension())) {
                    double[] scalarFactor = new double[data.size()];
                    double[] scalarPart = new double[data.size()];
                    scalar.compute(theta, scalarFactor, scalarPart);
                    double expected = reference.logLikelihood(theta);
                    for (RowTerms vector : vectors) {
                        double[] factor = new double[vector.paddedRows];
                        double[] part = new double[vector.paddedRows];
                        vector.compute(theta, factor, part);
                        String where = vector.lanes() + " lanes, theta " + Arrays.toString(theta);
                        assertArrayEquals(bits(scalarFactor), bits(Arrays.copyOf(factor, data.size())), where);
                        assertArrayEquals(bits(scalarPart), bits(Arrays.copyOf(part, data.size())), where);
                        assertEquals(Double.doubleToRawLongBits(expected),
                                Double.doubleToRawLongBits(new FastLogLikelihood(vector).logLikelihood(theta)),
                                where);
                    }
                }
            }
        }
    }

    @Test
    void vectorExpHasTheScalarBits() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(12L);
        for (VectorSpecies<Double> species : WIDTHS) {
            double[] x = new double[species.length() * 4000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (2 * rng.nextDouble() - 1) * (i % 3 == 0 ? 60 : 1);
            }
            double[] special = {0, -0.0, FastExp.LIMIT, -FastExp.LIMIT, 1e300, -1e300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, Math.log(2) / 2, -Math.log(2) / 2};
            System.arraycopy(special, 0, x, 0, special.length);
            double[] vector = new double[x.length];
            for (int i = 0; i < x.length; i += species.length()) {
                VectorRowTerms.exp(DoubleVector.fromArray(species, x, i)).intoArray(vector, i);
            }
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(FastExp.exp(x[i])), Double.doubleToRawLongBits(vector[i]),
                        species + " at x = " + x[i]);
            }
        }
    }

    @Test
    void usesTheVectorTermsWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule(RowTerms.VECTOR_MODULE).isPresent(), "tests run with the module");
        RowTerms terms = RowTerms.of(train, NetworkShape.PAPER);
        assertEquals(VectorRowTerms.hardwareLanes() >= 2 ? VectorRowTerms.class : ScalarRowTerms.class,
                terms.getClass());
    }

    /** Draws in the prior box, far outside it and on the clamp's edges. */
    private static List<double[]> thetas(UniformRandomProvider rng, int dimension) {
        List<double[]> thetas = new ArrayList<>();
        for (int draw = 0; draw < 60; draw++) {
            thetas.add(ModelFixtures.uniformTheta(rng, dimension, draw % 2 == 0 ? 5 : 60));
        }
        for (double value : new double[] {0, 40, -1e6}) {
            double[] theta = new double[dimension];
            Arrays.fill(theta, value);
            thetas.add(theta);
        }
        return thetas;
    }

    /** 37 rows (not a multiple of any width) of both labels. */
    private static Dataset everySixthRow(Dataset data) {
        int rows = (data.size() + 5) / 6;
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        int[] y = new int[rows];
        for (int row = 0; row < rows; row++) {
            x1[row] = data.x1(6 * row);
            x2[row] = data.x2(6 * row);
            y[row] = data.y(6 * row);
        }
        return new Dataset(data.name() + "-every-sixth", x1, x2, y);
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
