package org.splitbnn.analysis;

/**
 * The networks one solution predicts with, and their weights: the equally weighted posterior samples of the full
 * posterior or of one prominent mode, or the optima of a baseline ({@code map}, {@code ensemble}, {@code laplace}).
 * The solution's prediction is the weighted mean of its networks' p(y | x).
 *
 * @param name  "full", "mode k", "map", "ensemble" or "laplace"
 * @param mode  0 for the full posterior, else the rank k of the mode
 * @param theta one row of parameters per sample
 * @param logL  training log-likelihood per sample
 * @param modes per sample, the rank of the mode it belongs to; for the full posterior 0 when the sample died in a
 *              cluster that later split (before the modes separated); 0 for the baselines
 * @param weight per network, its weight (summing to 1)
 */
public record Solution(String name, int mode, double[][] theta, double[] logL, int[] modes, double[] weight) {

    /** Equally weighted networks. */
    public static Solution equallyWeighted(String name, int mode, double[][] theta, double[] logL, int[] modes) {
        double[] weight = new double[theta.length];
        java.util.Arrays.fill(weight, 1.0 / theta.length);
        return new Solution(name, mode, theta, logL, modes, weight);
    }

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
