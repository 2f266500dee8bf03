package org.splitbnn.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generates the paper's noisy-XOR datasets: points around the centres (1, 1), (-1, -1) (label 1) and (1, -1),
 * (-1, 1) (label 0), with Gaussian noise on each coordinate, reproducibly from a {@code long} seed.
 *
 * <p>Rows come in generation order: all points of the first centre, then the second, and so on. For each point the
 * noise on x1 is drawn before the noise on x2. The random numbers come from Apache Commons RNG's
 * {@code XO_SHI_RO_256_PP} seeded with the given {@code long}, and standard normal deviates from its
 * {@code ZigguratSampler.NormalizedGaussian}, scaled by the square root of the noise variance; the same seed and
 * recipe therefore always give the same dataset, bit for bit.
 */
public final class NoisyXorGenerator {

    private static final double[][] CENTRES = {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}};
    private static final int[] LABELS = {1, 1, 0, 0};

    private NoisyXorGenerator() {
    }

    /** Draws a dataset with the given recipe from the given seed. */
    public static Dataset generate(NoisyXorRecipe recipe, long seed, String name) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double scale = recipe.noiseScale();
        int size = recipe.size();
        double[] x1 = new double[size];
        double[] x2 = new double[size];
        int[] y = new int[size];
        int row = 0;
        for (int centre = 0; centre < CENTRES.length; centre++) {
            for (int i = 0; i < recipe.counts().get(centre); i++, row++) {
                x1[row] = CENTRES[centre][0] + scale * gaussian.sample();
                x2[row] = CENTRES[centre][1] + scale * gaussian.sample();
                y[row] = LABELS[centre];
            }
        }
        return new Dataset(name, x1, x2, y);
    }
}
