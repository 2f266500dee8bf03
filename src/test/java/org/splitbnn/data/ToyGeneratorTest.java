package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Each toy generator against its recipe in {@code data/README.md}: the rows per group, the labels, and the first
 * rows of a fixed seed rebuilt from the recipe's noiseless points and the seed's own Gaussian stream.
 */
class ToyGeneratorTest {

    private static final long SEED = 42;

    /** The seed's Gaussian deviates in order, as the recipe draws them (the generator's stream, not a copy). */
    private static ZigguratSampler.NormalizedGaussian noise(UniformRandomProvider rng) {
        return ZigguratSampler.NormalizedGaussian.of(rng);
    }

    private static JumpableUniformRandomProvider stream() {
        return (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(SEED);
    }

    @Test
    void parityCornersCountsLabelsAndFirstRows() {
        ToyRecipe recipe = new ToyRecipe(ToyRecipe.PARITY, 20, 3, 0.25);
        Dataset d = ToyGenerator.generate(recipe, SEED, "p");
        assertEquals(20, d.size());
        assertEquals(3, d.inputs());
        // 8 corners share 20 rows: 3, 3, 3, 3, 2, 2, 2, 2; corner g has input i negative when bit i of g is set
        int[] perCorner = {3, 3, 3, 3, 2, 2, 2, 2};
        int row = 0;
        int ones = 0;
        for (int corner = 0; corner < 8; corner++) {
            int expectedLabel = Integer.bitCount(corner) % 2 == 0 ? 1 : 0;
            for (int k = 0; k < perCorner[corner]; k++, row++) {
                assertEquals(expectedLabel, d.y(row), "row " + row);
                ones += d.y(row);
            }
        }
        // corners 0, 3, 5, 6 are label 1: 3 + 3 + 2 + 2 rows
        assertEquals(10, ones);
        ZigguratSampler.NormalizedGaussian g = noise(stream());
        double sd = Math.sqrt(0.25);
        for (int r = 0; r < 3; r++) {
            for (int input = 0; input < 3; input++) {
                assertEquals(1 + sd * g.sample(), d.x(input, r), 0.0, "row " + r + " input " + input);
            }
        }
    }

    @Test
    void parityOfTwoInputsIsXor() {
        Dataset d = ToyGenerator.generate(new ToyRecipe(ToyRecipe.PARITY, 4, 2, 1e-8), SEED, "p");
        // corners (1, 1), (-1, 1), (1, -1), (-1, -1): XOR's labels 1, 0, 0, 1
        int[] labels = {1, 0, 0, 1};
        double[][] corners = {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
        for (int row = 0; row < 4; row++) {
            assertEquals(labels[row], d.y(row));
            assertEquals(corners[row][0], d.x(0, row), 1e-3);
            assertEquals(corners[row][1], d.x(1, row), 1e-3);
        }
    }

    @Test
    void moonsHalvesAndFirstRows() {
        Dataset d = ToyGenerator.generate(new ToyRecipe(ToyRecipe.MOONS, 11, 2, 0.01), SEED, "m");
        assertEquals(6, d.countOfClass(0));
        assertEquals(5, d.countOfClass(1));
        ZigguratSampler.NormalizedGaussian g = noise(stream());
        // row 0: t = 0 on the upper moon (1, 0); row 1: t = pi / 5
        assertEquals(1 + 0.1 * g.sample(), d.x(0, 0), 0.0);
        assertEquals(0 + 0.1 * g.sample(), d.x(1, 0), 0.0);
        assertEquals(Math.cos(Math.PI / 5) + 0.1 * g.sample(), d.x(0, 1), 0.0);
        assertEquals(Math.sin(Math.PI / 5) + 0.1 * g.sample(), d.x(1, 1), 0.0);
        // row 6: t = 0 on the lower moon (1 - cos 0, 0.5 - sin 0) = (0, 0.5), label 1
        assertEquals(1, d.y(6));
        assertEquals(0, d.x(0, 6), 0.5);
        assertEquals(0.5, d.x(1, 6), 0.5);
    }

    @Test
    void circlesRadiiAndFirstRows() {
        Dataset d = ToyGenerator.generate(new ToyRecipe(ToyRecipe.CIRCLES, 200, 2, 1e-10), SEED, "c");
        assertEquals(100, d.countOfClass(0));
        assertEquals(100, d.countOfClass(1));
        for (int row = 0; row < d.size(); row++) {
            double radius = Math.hypot(d.x(0, row), d.x(1, row));
            assertEquals(d.y(row) == 0 ? 1 : 0.5, radius, 1e-3, "row " + row);
        }
        ZigguratSampler.NormalizedGaussian g = noise(stream());
        double sd = Math.sqrt(1e-10);
        assertEquals(1 + sd * g.sample(), d.x(0, 0), 0.0);
        assertEquals(0 + sd * g.sample(), d.x(1, 0), 0.0);
        assertEquals(Math.cos(2 * Math.PI / 100) + sd * g.sample(), d.x(0, 1), 0.0);
    }

    @Test
    void spiralsArmsAreOppositeAndFirstRows() {
        Dataset d = ToyGenerator.generate(new ToyRecipe(ToyRecipe.SPIRALS, 10, 2, 1e-10), SEED, "s");
        assertEquals(5, d.countOfClass(0));
        assertEquals(5, d.countOfClass(1));
        for (int k = 0; k < 5; k++) {
            double s = k / 5.0;
            double radius = 0.2 + s;
            assertEquals(radius * Math.cos(3 * Math.PI * s), d.x(0, k), 1e-3);
            assertEquals(-d.x(0, k), d.x(0, 5 + k), 1e-3);
            assertEquals(-d.x(1, k), d.x(1, 5 + k), 1e-3);
        }
        ZigguratSampler.NormalizedGaussian g = noise(stream());
        assertEquals(0.2 + Math.sqrt(1e-10) * g.sample(), d.x(0, 0), 0.0);
    }

    @Test
    void blobsCentresFromTheCopyNoiseAfterTheJump() {
        ToyRecipe recipe = new ToyRecipe(ToyRecipe.BLOBS, 9, 3, 0.5);
        Dataset d = ToyGenerator.generate(recipe, SEED, "b");
        assertEquals(5, d.countOfClass(0));
        assertEquals(4, d.countOfClass(1));
        int[] labels = {0, 0, 0, 1, 1, 0, 0, 1, 1};
        for (int row = 0; row < labels.length; row++) {
            assertEquals(labels[row], d.y(row), "row " + row);
        }
        JumpableUniformRandomProvider rng = stream();
        UniformRandomProvider centres = rng.jump();
        double[] first = new double[3];
        for (int input = 0; input < 3; input++) {
            first[input] = 2 * (2 * centres.nextDouble() - 1);
        }
        ZigguratSampler.NormalizedGaussian g = noise(rng);
        for (int input = 0; input < 3; input++) {
            assertEquals(first[input] + Math.sqrt(0.5) * g.sample(), d.x(input, 0), 0.0);
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOther() {
        for (String generator : ToyRecipe.GENERATORS) {
            ToyRecipe recipe = new ToyRecipe(generator, 50, 2, 0.1);
            Dataset a = ToyGenerator.generate(recipe, 1, "d");
            assertEquals(a, ToyGenerator.generate(recipe, 1, "d"));
            assertNotEquals(a, ToyGenerator.generate(recipe, 2, "d"));
        }
    }

    @Test
    void badRecipesNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ToyRecipe("rings", 10, 2, 0.1))
                .getMessage().contains("unknown generator 'rings'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ToyRecipe(ToyRecipe.MOONS, 10, 3, 0.1))
                .getMessage().contains("moons has 2 inputs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ToyRecipe(ToyRecipe.PARITY, 7, 3, 0.1))
                .getMessage().contains("size must be at least 8"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ToyRecipe(ToyRecipe.BLOBS, 8, 0, 0.1))
                .getMessage().contains("inputs must lie in [1, 16]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ToyRecipe(ToyRecipe.BLOBS, 8, 2, 0))
                .getMessage().contains("noise variance"));
    }
}
