package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void eightDistinctMapsIdentityFirst() {
        List<HiddenUnitSymmetry> maps = HiddenUnitSymmetry.all();
        assertEquals(8, maps.size());
        assertEquals(new HiddenUnitSymmetry(false, false, false), maps.get(0));
        Set<List<Double>> images = new HashSet<>();
        for (HiddenUnitSymmetry map : maps) {
            double[] image = map.apply(ModelFixtures.CHECK_THETA);
            images.add(java.util.Arrays.stream(image).boxed().toList());
        }
        assertEquals(8, images.size());
        assertArrayEquals(ModelFixtures.CHECK_THETA, maps.get(0).apply(ModelFixtures.CHECK_THETA));
    }

    @Test
    void signFlipOfTheFirstUnit() {
        double[] image = new HiddenUnitSymmetry(true, false, false).apply(ModelFixtures.CHECK_THETA);
        assertArrayEquals(new double[] {-1, 2, 1, 0.5, -0.1, -0.2, -3, -2, 3.3}, image, 1e-15);
    }

    @Test
    void everyMapLeavesTheLikelihoodUnchanged() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(8L);
        for (int draw = 0; draw < 50; draw++) {
            double[] theta = ModelFixtures.uniformTheta(rng, 9, 5);
            Network network = new Network(NetworkShape.PAPER, theta);
            double logL = network.logLikelihood(train);
            for (HiddenUnitSymmetry map : HiddenUnitSymmetry.all()) {
                Network image = new Network(NetworkShape.PAPER, map.apply(theta));
                assertEquals(logL, image.logLikelihood(train), 1e-11 * Math.abs(logL), map.toString());
                assertEquals(network.probability(0.4, -0.7), image.probability(0.4, -0.7), 1e-13, map.toString());
            }
        }
    }
}
