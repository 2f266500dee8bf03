package org.splitbnn.model;

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
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.sampler.VectorModule;

/**
 * The vector kernel gives the scalar reference's bits (every vector width: {@link LikelihoodKernelWidthTest}), so
 * the likelihood does not depend on the machine.
 */
class LikelihoodKernelTest {

    private final Dataset train = ModelFixtures.devTrain();

    @Test
    void vectorKernelHasTheScalarBitsForEveryHiddenSize() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        Dataset big = NoisyXorGenerator.generate(new NoisyXorRecipe(List.of(900, 800, 700, 601), 0.5), 3L, "big");
        for (int hidden : new int[] {1, 2, 3, 4, 5}) {
            NetworkShape shape = new NetworkShape(2, hidden);
            for (Dataset data : List.of(train, everySixthRow(train), big)) {
                FastLogLikelihood scalar = new FastLogLikelihood(new ScalarLikelihoodKernel(data, shape));
                FastLogLikelihood vector = new FastLogLikelihood(new VectorLikelihoodKernel(data, shape));
                for (double[] theta : thetas(rng, shape.dimension())) {
                    assertEquals(Double.doubleToRawLongBits(scalar.logLikelihood(theta)),
                            Double.doubleToRawLongBits(vector.logLikelihood(theta)),
                            data.name() + ", theta " + Arrays.toString(theta));
                }
            }
        }
    }

    @Test
    void vectorKernelHasTheScalarBitsForEveryNumberOfInputs() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(12L);
        for (int inputs : new int[] {1, 3, 4, 7}) {
            Dataset data = ModelFixtures.parity(inputs, 301);
            for (int hidden : new int[] {1, 2, 3}) {
                NetworkShape shape = new NetworkShape(inputs, hidden);
                FastLogLikelihood scalar = new FastLogLikelihood(new ScalarLikelihoodKernel(data, shape));
                FastLogLikelihood vector = new FastLogLikelihood(new VectorLikelihoodKernel(data, shape));
                for (double[] theta : thetas(rng, shape.dimension())) {
                    assertEquals(Double.doubleToRawLongBits(scalar.logLikelihood(theta)),
                            Double.doubleToRawLongBits(vector.logLikelihood(theta)),
                            shape.label() + ", theta " + Arrays.toString(theta));
                }
            }
        }
    }

    @Test
    void vectorExpHasTheScalarBitsAtEveryWidth() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(12L);
        for (VectorSpecies<Double> species
                : List.of(DoubleVector.SPECIES_128, DoubleVector.SPECIES_256, DoubleVector.SPECIES_512)) {
            double[] x = new double[species.length() * 4000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (2 * rng.nextDouble() - 1) * (i % 3 == 0 ? 60 : 1);
            }
            double[] special = {0, -0.0, FastExp.LIMIT, -FastExp.LIMIT, 1e300, -1e300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, Math.log(2) / 2, -Math.log(2) / 2};
            System.arraycopy(special, 0, x, 0, special.length);
            double[] vector = new double[x.length];
            for (int i = 0; i < x.length; i += species.length()) {
                DoubleVector clamped = VectorLikelihoodKernel.clamp(DoubleVector.fromArray(species, x, i));
                VectorLikelihoodKernel.expWithinLimit(clamped).intoArray(vector, i);
            }
            assertScalarExpBits(x, vector, species);
        }
    }

    @Test
    void vectorUnclampedExpHasTheScalarBitsAtEveryWidth() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(14L);
        for (VectorSpecies<Double> species
                : List.of(DoubleVector.SPECIES_128, DoubleVector.SPECIES_256, DoubleVector.SPECIES_512)) {
            double[] x = new double[species.length() * 4000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (2 * rng.nextDouble() - 1) * FastExp.LIMIT;
            }
            double[] ends = {0, -0.0, FastExp.LIMIT, -FastExp.LIMIT, Math.nextDown(FastExp.LIMIT), Double.MIN_VALUE};
            System.arraycopy(ends, 0, x, 0, ends.length);
            double[] vector = new double[x.length];
            for (int i = 0; i < x.length; i += species.length()) {
                VectorLikelihoodKernel.expWithinLimit(DoubleVector.fromArray(species, x, i)).intoArray(vector, i);
            }
            assertScalarExpBits(x, vector, species);
        }
    }

    /** Each {@code vector[i]} has the bits of the scalar {@link FastExp#exp} of {@code x[i]}. */
    private static void assertScalarExpBits(double[] x, double[] vector, VectorSpecies<Double> species) {
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(FastExp.exp(x[i])), Double.doubleToRawLongBits(vector[i]),
                    species + " at x = " + x[i]);
        }
    }

    /**
     * Parameters whose bounds sit just inside and just outside {@link LikelihoodKernel#UNCLAMPED_BOUND}, so that the
     * vector kernel's unclamped passes meet exponents near the limit and its clamped passes arguments just beyond
     * the bound: the scalar kernel, which always clamps, gives the same bits.
     */
    @Test
    void unclampedPassesGiveTheBitsOfTheClampingReference() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(15L);
        for (int hidden : new int[] {1, 2, 3}) {
            NetworkShape shape = new NetworkShape(2, hidden);
            ScalarLikelihoodKernel reference = new ScalarLikelihoodKernel(train, shape);
            FastLogLikelihood scalar = new FastLogLikelihood(reference);
            FastLogLikelihood vector = new FastLogLikelihood(new VectorLikelihoodKernel(train, shape));
            double largestUnclampedExponent = 0;
            for (int draw = 0; draw < 400; draw++) {
                double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 1);
                double scale = LikelihoodKernel.UNCLAMPED_BOUND * (draw % 2 == 0 ? 1 - 1e-9 : 1 + 1e-9);
                for (int unit = 0; unit < hidden; unit++) {
                    int w1 = shape.inputWeight(0, unit);
                    int w2 = shape.inputWeight(1, unit);
                    int bias = shape.hiddenBias(unit);
                    double bound = Math.abs(theta[w1]) * reference.maxAbsX[0]
                            + Math.abs(theta[w2]) * reference.maxAbsX[1] + Math.abs(theta[bias]);
                    theta[w1] *= scale / bound;
                    theta[w2] *= scale / bound;
                    theta[bias] *= scale / bound;
                    for (int row = 0; row < reference.rows && draw % 2 == 0; row++) {
                        largestUnclampedExponent = Math.max(largestUnclampedExponent, Math.abs(Math.fma(-theta[w1],
                                reference.x[0][row], Math.fma(-theta[w2], reference.x[1][row], -theta[bias]))));
                    }
                }
                double logitBound = Math.abs(theta[shape.outputBias()]);
                for (int unit = 0; unit < hidden; unit++) {
                    logitBound += Math.abs(theta[shape.outputWeight(unit)]);
                }
                for (int unit = 0; unit < hidden; unit++) {
                    theta[shape.outputWeight(unit)] *= scale / logitBound;
                }
                theta[shape.outputBias()] *= scale / logitBound;
                assertEquals(Double.doubleToRawLongBits(scalar.logLikelihood(theta)),
                        Double.doubleToRawLongBits(vector.logLikelihood(theta)), Arrays.toString(theta));
            }
            assertTrue(largestUnclampedExponent > 0.9 * LikelihoodKernel.UNCLAMPED_BOUND,
                    "exponents reach near the bound: " + largestUnclampedExponent);
        }
    }

    @Test
    void usesTheVectorKernelWhenTheModuleIsPresent() {
        assertTrue(VectorModule.present(), "tests add it");
        assertEquals(VectorLikelihoodKernel.lanes() >= 2 ? VectorLikelihoodKernel.class
                : ScalarLikelihoodKernel.class, LikelihoodKernel.of(train, NetworkShape.PAPER).getClass());
    }

    /** Draws in the prior box, far outside it, and constant vectors on and beyond the clamp. */
    static List<double[]> thetas(UniformRandomProvider rng, int dimension) {
        List<double[]> thetas = new ArrayList<>();
        for (int draw = 0; draw < 40; draw++) {
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
            x1[row] = data.x(0, 6 * row);
            x2[row] = data.x(1, 6 * row);
            y[row] = data.y(6 * row);
        }
        return new Dataset(data.name() + "-every-sixth", x1, x2, y);
    }
}
