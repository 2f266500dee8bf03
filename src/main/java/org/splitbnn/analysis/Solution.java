package org.splitbnn.analysis;

/**
 * The equally weighted posterior samples of one solution: the full posterior or one prominent mode.
 *
 * @param name  "full" or "mode k"
 * @param mode  0 for the full posterior, else the rank k of the mode
 * @param theta one row of parameters per sample
 * @param logL  training log-likelihood per sample
 * @param modes per sample, the rank of the mode it belongs to; for the full posterior 0 when the sample died in a
 *              cluster that later split (before the modes separated)
 */
public record Solution(String name, int mode, double[][] theta, double[] logL, int[] modes) {

    /** The name of the full posterior. */
    public static final String FULL = "full";

    /** The name of mode {@code rank}. */
    public static String modeName(int rank) {
        return "mode " + rank;
    }

    /** Number of samples. */
    public int size() {
        return theta.length;
    }
}
