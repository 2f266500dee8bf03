package org.splitbnn.data;

import java.util.List;

/**
 * How many noisy points to draw around each XOR centre and how much noise to add.
 *
 * <p>The centres are, in order, (1, 1) and (-1, -1) with label 1, then (1, -1) and (-1, 1) with label 0 (see
 * {@link NoisyXorGenerator}); {@code counts} gives the number of points per centre in that order. The noise on each
 * coordinate is Gaussian with mean 0 and variance {@code noiseVariance}.
 *
 * @param counts        four non-negative counts, at least one point per class
 * @param noiseVariance variance of the Gaussian noise on each coordinate, positive and finite
 */
public record NoisyXorRecipe(List<Integer> counts, double noiseVariance) {

    /** The paper's recipe: 30, 100, 10, 80 points, noise variance 0.5. */
    public static final NoisyXorRecipe PAPER = new NoisyXorRecipe(List.of(30, 100, 10, 80), 0.5);

    /** The generator's name in sweep configurations, the {@code data} command and the claims table. */
    public static final String GENERATOR = "xor";

    /** Number of centres. */
    public static final int CENTRE_COUNT = 4;

    /** Validates the recipe and makes the counts immutable. */
    public NoisyXorRecipe {
        if (counts == null || counts.size() != CENTRE_COUNT) {
            throw new IllegalArgumentException("noisy-XOR recipe needs exactly " + CENTRE_COUNT
                    + " counts (for centres (1,1), (-1,-1), (1,-1), (-1,1)), got "
                    + (counts == null ? "none" : counts.size() + ": " + counts));
        }
        counts = List.copyOf(counts);
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("noisy-XOR counts must be non-negative, got " + counts);
            }
        }
        if (counts.get(0) + counts.get(1) == 0 || counts.get(2) + counts.get(3) == 0) {
            throw new IllegalArgumentException("noisy-XOR counts must give at least one point of each class"
                    + " (label 1: first two counts, label 0: last two), got " + counts);
        }
        if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) {
            throw new IllegalArgumentException("noisy-XOR noise variance must be positive and finite, got "
                    + noiseVariance);
        }
    }

    /** Total number of points. */
    public int size() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    /** Standard deviation of the noise, the square root of the variance. */
    public double noiseScale() {
        return Math.sqrt(noiseVariance);
    }
}
