package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;

class HiddenUnitSymmetryTest {

    private final Dataset train = ModelFixtures.devTrain();

    @Test
    void twoToTheNTimesNFactorialDistinctMapsIdentityFirst() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(3L);
        int[] expected = {2, 8, 48, 384};
        for (int hidden = 1; hidden <= 4; hidden++) {
            NetworkShape shape = new NetworkShape(2, hidden);
            List<HiddenUnitSymmetry> maps = HiddenUnitSymmetry.all(shape);
            assertEquals(expected[hidden - 1], maps.size());
            double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
            assertArrayEquals(theta, maps.get(0).apply(theta));
            Set<List<Double>> images = new HashSet<>();
            for (HiddenUnitSymmetry map : maps) {
                images.add(Arrays.stream(map.apply(theta)).boxed().toList());
            }
            assertEquals(maps.size(), images.size(), "images of a generic network are distinct");
        }
    }

    @Test
    void signFlipOfTheFirstUnit() {
        double[] image = new HiddenUnitSymmetry(2, List.of(true, false), List.of(0, 1)).apply(ModelFixtures.CHECK_THETA);
        assertArrayEquals(new double[] {-1, 2, 1, 0.5, -0.1, -0.2, -3, -2, 3.3}, image, 1e-15);
    }

    @Test
    void flipsActOnTheArgumentsUnitsThenThePermutationMovesThem() {
        // 2-3-1: w11 w12 w13 | w21 w22 w23 | b1_1 b1_2 b1_3 | W2_1 W2_2 W2_3 | b2
        double[] theta = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 0.5};
        double[] image = new HiddenUnitSymmetry(2, List.of(false, true, false), List.of(1, 2, 0)).apply(theta);
        assertArrayEquals(new double[] {-2, 3, 1, -5, 6, 4, -8, 9, 7, -20, 30, 10, 20.5}, image, 1e-15);
    }

    @Test
    void everyMapLeavesTheLikelihoodUnchanged() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(8L);
        for (int hidden = 1; hidden <= 3; hidden++) {
            NetworkShape shape = new NetworkShape(2, hidden);
            for (int draw = 0; draw < 20; draw++) {
                double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
                Network network = new Network(shape, theta);
                double logL = network.logLikelihood(train);
                for (HiddenUnitSymmetry map : HiddenUnitSymmetry.all(shape)) {
                    Network image = new Network(shape, map.apply(theta));
                    assertEquals(logL, image.logLikelihood(train), 1e-11 * Math.abs(logL), map.toString());
                    assertEquals(network.probability(0.4, -0.7), image.probability(0.4, -0.7), 1e-13,
                            map.toString());
                }
            }
        }
    }

    @Test
    void everyMapOfAFourInputNetworkLeavesItsPredictionsUnchanged() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(9L);
        NetworkShape shape = new NetworkShape(4, 3);
        Dataset data = ModelFixtures.parity(4, 64);
        for (int draw = 0; draw < 10; draw++) {
            double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
            Network network = new Network(shape, theta);
            double logL = network.logLikelihood(data);
            for (HiddenUnitSymmetry map : HiddenUnitSymmetry.all(shape)) {
                assertEquals(shape, map.shape());
                Network image = new Network(shape, map.apply(theta));
                assertEquals(logL, image.logLikelihood(data), 1e-11 * Math.abs(logL), map.toString());
                assertEquals(network.probability(0.4, -0.7, 1.1, 0.2), image.probability(0.4, -0.7, 1.1, 0.2),
                        1e-13, map.toString());
            }
        }
    }

    @Test
    void refusesWhatIsNotAPermutation() {
        assertThrows(IllegalArgumentException.class,
                () -> new HiddenUnitSymmetry(2, List.of(false, false), List.of(0, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new HiddenUnitSymmetry(2, List.of(false, false), List.of(0, 1, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> new HiddenUnitSymmetry(2, List.of(false, true), List.of(0, 1)).apply(new double[13]));
    }
}
