package org.splitbnn.data;

import java.io.Serializable;
import java.util.List;

/**
 * The recipe of a standard toy dataset drawn by {@link ToyGenerator}: which problem, how many rows, how many inputs
 * and how much Gaussian noise on each input.
 *
 * <p>The problems: {@code parity} (noisy XOR in D dimensions: points around the 2^D corners (+-1, ..., +-1), label 1
 * when the number of negative coordinates is even), {@code blobs} (four Gaussian blobs in D dimensions with random
 * centres, labels alternating), and the two-input {@code moons}, {@code circles} and {@code spirals}. The rows are
 * split as evenly as possible between the problem's groups (corners, blobs, classes), the first groups taking one
 * more when the size does not divide; {@code data/README.md} gives each recipe exactly.
 *
 * @param generator     the problem, one of {@link #GENERATORS}
 * @param size          number of rows, at least the number of groups
 * @param inputs        number of inputs D: 1 to {@value #MAX_INPUTS} for parity and blobs, 2 for the others
 * @param noiseVariance variance of the Gaussian noise on each input, positive and finite
 */
public record ToyRecipe(String generator, int size, int inputs, double noiseVariance) implements Serializable {

    /** The parity problem: noisy XOR in D dimensions. */
    public static final String PARITY = "parity";
    /** Two interleaved half circles. */
    public static final String MOONS = "moons";
    /** Two concentric circles. */
    public static final String CIRCLES = "circles";
    /** Two interleaved spirals. */
    public static final String SPIRALS = "spirals";
    /** Four Gaussian blobs with random centres. */
    public static final String BLOBS = "blobs";

    /** The problems, in the order the documentation gives them. */
    public static final List<String> GENERATORS = List.of(PARITY, MOONS, CIRCLES, SPIRALS, BLOBS);

    /** The most inputs of parity and blobs (parity has 2^D corners). */
    public static final int MAX_INPUTS = 16;

    /** The number of blobs of {@link #BLOBS}. */
    public static final int BLOB_COUNT = 4;

    /** Default number of rows. */
    public static final int DEFAULT_SIZE = 200;

    /** Checks the recipe; messages name the parameter. */
    public ToyRecipe {
        if (!GENERATORS.contains(generator)) {
            throw new IllegalArgumentException(unknownGenerator(generator));
        }
        boolean anyInputs = takesInputs(generator);
        if (anyInputs && (inputs < 1 || inputs > MAX_INPUTS)) {
            throw new IllegalArgumentException(generator + ": inputs must lie in [1, " + MAX_INPUTS + "], got "
                    + inputs);
        }
        if (!anyInputs && inputs != 2) {
            throw new IllegalArgumentException(generator + " has 2 inputs, got inputs " + inputs);
        }
        if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) {
            throw new IllegalArgumentException(generator + ": noise variance must be positive and finite, got "
                    + noiseVariance);
        }
        int groups = groups(generator, inputs);
        if (size < groups) {
            throw new IllegalArgumentException(generator + ": size must be at least " + groups + " (one row per "
                    + (generator.equals(PARITY) ? "corner" : generator.equals(BLOBS) ? "blob" : "class") + "), got "
                    + size);
        }
    }

    /** The default noise variance of a generator: 0.5 for parity and blobs (as XOR's), 0.01 for the others. */
    public static double defaultNoiseVariance(String generator) {
        return takesInputs(generator) ? 0.5 : 0.01;
    }

    /** The message for a generator name that is neither noisy XOR's nor a toy problem's. */
    public static String unknownGenerator(String generator) {
        return "unknown generator '" + generator + "'; expected " + NoisyXorRecipe.GENERATOR + " or one of "
                + String.join(", ", GENERATORS);
    }

    /** Whether the generator takes a number of inputs (parity and blobs); the others have two. */
    public static boolean takesInputs(String generator) {
        return generator.equals(PARITY) || generator.equals(BLOBS);
    }

    /**
     * The problem as a study names it: the generator, followed by {@code -dD} for parity and blobs (e.g.
     * {@code moons}, {@code parity-d5}).
     */
    public String label() {
        return generator + (takesInputs(generator) ? "-d" + inputs : "");
    }

    /** The number of groups the rows are split between: corners, blobs or classes. */
    static int groups(String generator, int inputs) {
        return switch (generator) {
            case PARITY -> 1 << inputs;
            case BLOBS -> BLOB_COUNT;
            default -> 2;
        };
    }

    /** The rows of group {@code group}: size / groups, one more for the first size mod groups groups. */
    int rowsOf(int group) {
        int groups = groups(generator, inputs);
        return size / groups + (group < size % groups ? 1 : 0);
    }

    /** Standard deviation of the noise, the square root of the variance. */
    public double noiseScale() {
        return Math.sqrt(noiseVariance);
    }
}
