package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoisyXorGeneratorTest {

    @Test
    void rowsComeInCentreOrderWithTheirLabels() {
        Dataset data = NoisyXorGenerator.generate(new NoisyXorRecipe(List.of(2, 3, 1, 4), 1e-6), 7L, "tiny");
        assertEquals("tiny", data.name());
        int[] labels = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
        double[][] centres = {{1, 1}, {1, 1}, {-1, -1}, {-1, -1}, {-1, -1}, {1, -1}, {-1, 1}, {-1, 1}, {-1, 1},
            {-1, 1}};
        assertEquals(labels.length, data.size());
        for (int row = 0; row < labels.length; row++) {
            assertEquals(labels[row], data.y(row));
            assertEquals(centres[row][0], data.x(0, row), 0.01);
            assertEquals(centres[row][1], data.x(1, row), 0.01);
        }
    }

    @Test
    void sameSeedSameData_otherSeedOtherData() {
        Dataset a = NoisyXorGenerator.generate(NoisyXorRecipe.PAPER, 2022L, "d");
        assertEquals(a, NoisyXorGenerator.generate(NoisyXorRecipe.PAPER, 2022L, "d"));
        assertNotEquals(a, NoisyXorGenerator.generate(NoisyXorRecipe.PAPER, 2023L, "d"));
    }

    @Test
    void noiseHasMeanZeroAndTheRecipeVariance() {
        int n = 20_000;
        Dataset data = NoisyXorGenerator.generate(new NoisyXorRecipe(List.of(n, 0, 0, n), 0.5), 11L, "big");
        double sum = 0;
        double sumSquares = 0;
        for (int row = 0; row < n; row++) {
            for (double noise : new double[] {data.x(0, row) - 1, data.x(1, row) - 1}) {
                sum += noise;
                sumSquares += noise * noise;
            }
        }
        double mean = sum / (2 * n);
        double variance = sumSquares / (2 * n) - mean * mean;
        assertEquals(0, mean, 4 * Math.sqrt(0.5 / (2 * n)));
        // sd of the sample variance of a normal: variance * sqrt(2 / samples)
        assertEquals(0.5, variance, 4 * 0.5 * Math.sqrt(2.0 / (2 * n)));
    }

    @Test
    void paperRecipe() {
        assertEquals(List.of(30, 100, 10, 80), NoisyXorRecipe.PAPER.counts());
        assertEquals(0.5, NoisyXorRecipe.PAPER.noiseVariance());
        assertEquals(220, NoisyXorRecipe.PAPER.size());
        assertEquals(Math.sqrt(0.5), NoisyXorRecipe.PAPER.noiseScale());
    }

    @Test
    void recipeValidation() {
        assertRejected(List.of(1, 2, 3), 0.5, "exactly 4 counts");
        assertRejected(List.of(1, 2, -3, 4), 0.5, "non-negative");
        assertRejected(List.of(0, 0, 3, 4), 0.5, "at least one point of each class");
        assertRejected(List.of(1, 2, 0, 0), 0.5, "at least one point of each class");
        assertRejected(List.of(1, 2, 3, 4), 0, "variance must be positive and finite");
        assertRejected(List.of(1, 2, 3, 4), Double.NaN, "variance");
        assertRejected(List.of(1, 2, 3, 4), Double.POSITIVE_INFINITY, "variance");
        assertRejected(null, 0.5, "exactly 4 counts");
    }

    private static void assertRejected(List<Integer> counts, double variance, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NoisyXorRecipe(counts, variance));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
