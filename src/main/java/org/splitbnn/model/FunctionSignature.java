package org.splitbnn.model;

/**
 * What a network computes, as seen by a {@link FunctionIdentity}: at each of the identity's probe inputs, the mean
 * and the standard deviation of the predicted probability p(y = 1 | x) over the networks of a mode (its posterior
 * samples), or the prediction of a single network (one optimum) with standard deviation 0. The same for every
 * {@link HiddenUnitSymmetry} image of the networks, by construction.
 *
 * @param mean mean predicted probability per probe input
 * @param sd   standard deviation of the predicted probability per probe input
 */
public record FunctionSignature(double[] mean, double[] sd) {

    /** Copies the arrays; throws when they are empty, differ in length or hold impossible values. */
    public FunctionSignature {
        if (mean.length == 0 || mean.length != sd.length) {
            throw new IllegalArgumentException("a function signature needs a mean and an sd per probe input, got "
                    + mean.length + " and " + sd.length);
        }
        mean = mean.clone();
        sd = sd.clone();
        for (int k = 0; k < mean.length; k++) {
            if (!(mean[k] >= 0 && mean[k] <= 1 && sd[k] >= 0 && sd[k] <= 1)) {
                throw new IllegalArgumentException("probe input " + k + ": mean " + mean[k] + " and sd " + sd[k]
                        + " are not those of a probability");
            }
        }
    }

    /**
     * The largest difference of the mean predictions over the probe inputs, each in units of the spread the two
     * signatures allow there: max over x of |mean_a(x) - mean_b(x)| / sqrt(sd_a(x)^2 + sd_b(x)^2 + floor^2).
     *
     * @param floor the smallest spread, in probability, so that two single networks compare by their difference
     *              over {@code floor}
     */
    public double distance(FunctionSignature other, double floor) {
        if (other.mean.length != mean.length) {
            throw new IllegalArgumentException("signatures over " + mean.length + " and " + other.mean.length
                    + " probe inputs cannot be compared");
        }
        double floorSquared = floor * floor;
        double max = 0;
        for (int k = 0; k < mean.length; k++) {
            double spread = Math.sqrt(sd[k] * sd[k] + other.sd[k] * other.sd[k] + floorSquared);
            max = Math.max(max, Math.abs(mean[k] - other.mean[k]) / spread);
        }
        return max;
    }
}
