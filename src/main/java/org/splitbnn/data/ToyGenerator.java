package org.splitbnn.data;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws the standard toy datasets of a {@link ToyRecipe} from a passed-in generator, reproducibly: the same
 * generator state and recipe always give the same dataset, bit for bit.
 *
 * <p>Rows come group by group (corner, blob or class, in the order {@code data/README.md} gives), and within a row
 * the noise of input 1 is drawn before that of input 2, and so on. Noise deviates come from Commons RNG's
 * {@code ZigguratSampler.NormalizedGaussian} on the generator, scaled by the noise's standard deviation. Only
 * {@code blobs} uses a second stream: its centres come from a copy of the generator's state as passed in, taken by
 * {@link JumpableUniformRandomProvider#jump()}, and its noise from the generator after the jump.
 */
public final class ToyGenerator {

    /** Half the side of the box the blobs' centres are drawn from, uniformly. */
    public static final double BLOB_BOX = 2;

    /** The angle the spirals turn through: one and a half turns. */
    private static final double SPIRAL_ANGLE = 3 * Math.PI;

    private ToyGenerator() {
    }

    /**
     * Draws the dataset {@code name} of {@code recipe} from xoshiro256++ ({@code RandomSource.XO_SHI_RO_256_PP})
     * seeded with {@code seed}, as the noisy-XOR generator does.
     */
    public static Dataset generate(ToyRecipe recipe, long seed, String name) {
        return generate(recipe, (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(seed), name);
    }

    /** Draws the dataset {@code name} of {@code recipe} from {@code rng}, which it advances. */
    public static Dataset generate(ToyRecipe recipe, JumpableUniformRandomProvider rng, String name) {
        int inputs = recipe.inputs();
        double[][] centres = recipe.generator().equals(ToyRecipe.BLOBS) ? blobCentres(inputs, rng.jump()) : null;
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double scale = recipe.noiseScale();
        double[][] x = new double[inputs][recipe.size()];
        int[] y = new int[recipe.size()];
        int groups = ToyRecipe.groups(recipe.generator(), inputs);
        int row = 0;
        double[] point = new double[inputs];
        for (int group = 0; group < groups; group++) {
            int n = recipe.rowsOf(group);
            for (int k = 0; k < n; k++, row++) {
                y[row] = clean(recipe.generator(), group, k, n, centres, point);
                for (int input = 0; input < inputs; input++) {
                    x[input][row] = point[input] + scale * gaussian.sample();
                }
            }
        }
        return new Dataset(name, x, y);
    }

    /**
     * Writes the noiseless point k of the n of group {@code group} into {@code point}; returns its label.
     */
    private static int clean(String generator, int group, int k, int n, double[][] centres, double[] point) {
        switch (generator) {
            case ToyRecipe.PARITY -> {
                int negatives = 0;
                for (int input = 0; input < point.length; input++) {
                    boolean negative = (group >> input & 1) == 1;
                    point[input] = negative ? -1 : 1;
                    negatives += negative ? 1 : 0;
                }
                return negatives % 2 == 0 ? 1 : 0;
            }
            case ToyRecipe.MOONS -> {
                double t = n == 1 ? 0 : Math.PI * k / (n - 1);
                point[0] = group == 0 ? Math.cos(t) : 1 - Math.cos(t);
                point[1] = group == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                return group;
            }
            case ToyRecipe.CIRCLES -> {
                double t = 2 * Math.PI * k / n;
                double radius = group == 0 ? 1 : 0.5;
                point[0] = radius * Math.cos(t);
                point[1] = radius * Math.sin(t);
                return group;
            }
            case ToyRecipe.SPIRALS -> {
                double s = (double) k / n;
                double t = SPIRAL_ANGLE * s;
                double radius = (group == 0 ? 1 : -1) * (0.2 + s);
                point[0] = radius * Math.cos(t);
                point[1] = radius * Math.sin(t);
                return group;
            }
            case ToyRecipe.BLOBS -> {
                System.arraycopy(centres[group], 0, point, 0, point.length);
                return group % 2;
            }
            default -> throw new IllegalArgumentException("unknown generator '" + generator + "'");
        }
    }

    /** The blobs' centres, blob by blob and input by input, uniform on (-BLOB_BOX, BLOB_BOX). */
    private static double[][] blobCentres(int inputs, UniformRandomProvider rng) {
        double[][] centres = new double[ToyRecipe.BLOB_COUNT][inputs];
        for (double[] centre : centres) {
            for (int input = 0; input < inputs; input++) {
                centre[input] = BLOB_BOX * (2 * rng.nextDouble() - 1);
            }
        }
        return centres;
    }
}
