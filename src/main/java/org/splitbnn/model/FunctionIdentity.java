package org.splitbnn.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import org.splitbnn.data.Dataset;

/**
 * When two networks, or two modes, are the same function. Networks that differ by a {@link HiddenUnitSymmetry}
 * predict the same, so sameness is decided from predictions, not from parameters: a {@link FunctionSignature} holds
 * the mean and standard deviation of the predicted probability p(y = 1 | x) at the probe inputs (the training
 * inputs), and two signatures are the same function when at every probe input their means differ by at most
 * {@code threshold} times their combined spread, sqrt(sd_a^2 + sd_b^2 + floor^2).
 *
 * <p>Why predictions: canonicalising parameters (flip each unit to a positive output weight, sort the units) is
 * unstable for the clouds of samples a mode is made of, because a unit whose output weight is near 0 flips back and
 * forth within one mode and its input weights, which the output ignores, can sit anywhere; the predictions do not
 * depend on such a unit. Why the spread: a mode is a cloud, and the sampler's leaf clusters and the box wall can cut
 * a function's cloud into pieces whose mean predictions differ by a good part of the cloud's width (on
 * {@code data/paper} up to 0.27 in probability) while staying inside it, whereas two different functions differ by
 * several spreads somewhere. The floor lets single networks (optima, spread 0) be compared: two of them are the
 * same function when no prediction differs by more than {@code threshold * floor}, and a single network is the same
 * function as a mode when its predictions lie within {@code threshold} spreads of the mode's means.
 *
 * @param inputs    the probe points column by column: {@code inputs[i][k]} is input i + 1 of probe point k
 * @param threshold the largest {@link FunctionSignature#distance} at which two signatures are the same function
 * @param floor     the smallest spread, in probability, in that distance
 */
public record FunctionIdentity(double[][] inputs, double threshold, double floor) {

    /** The default threshold on the distance, in units of the combined spread; see the README. */
    public static final double THRESHOLD = 2.5;

    /**
     * The default floor of the spread: two single networks are one function when no prediction differs by more than
     * {@code THRESHOLD * FLOOR} = 0.025.
     */
    public static final double FLOOR = 0.01;

    /** Copies the probe inputs and checks them, the threshold and the floor. */
    public FunctionIdentity {
        if (inputs.length == 0 || inputs[0].length == 0) {
            throw new IllegalArgumentException("a function identity needs at least one probe point of one input");
        }
        inputs = inputs.clone();
        for (int input = 0; input < inputs.length; input++) {
            if (inputs[input].length != inputs[0].length) {
                throw new IllegalArgumentException("probe inputs need equal lengths, got " + inputs[0].length
                        + " and " + inputs[input].length);
            }
            inputs[input] = inputs[input].clone();
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the function threshold must be positive and finite, got " + threshold);
        }
        if (!(floor > 0 && floor < 1)) {
            throw new IllegalArgumentException("the function floor must lie in (0, 1), got " + floor);
        }
    }

    /** The identity probing the inputs of {@code train} with the default {@link #THRESHOLD} and {@link #FLOOR}. */
    public static FunctionIdentity of(Dataset train) {
        double[][] columns = new double[train.inputs()][];
        for (int input = 0; input < columns.length; input++) {
            columns[input] = train.column(input);
        }
        return new FunctionIdentity(columns, THRESHOLD, FLOOR);
    }

    /** Number of probe points. */
    public int probes() {
        return inputs[0].length;
    }

    /** The probe points column by column (copies). */
    @Override
    public double[][] inputs() {
        double[][] copy = new double[inputs.length][];
        for (int input = 0; input < copy.length; input++) {
            copy[input] = inputs[input].clone();
        }
        return copy;
    }

    /** The signature of one network (a point, e.g. an optimum): its predictions, spread 0. */
    public FunctionSignature signature(NetworkShape shape, double[] theta) {
        return new FunctionSignature(new Network(shape, theta).probabilities(inputs), new double[probes()]);
    }

    /**
     * The signature of a cloud of networks (e.g. a mode's posterior samples): the mean and standard deviation of
     * their predictions.
     */
    public FunctionSignature signature(NetworkShape shape, double[][] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a signature of no networks is undefined");
        }
        Mean[] mean = new Mean[probes()];
        StandardDeviation[] sd = new StandardDeviation[probes()];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = new Mean();
            sd[k] = new StandardDeviation(false);
        }
        for (double[] theta : samples) {
            double[] p = new Network(shape, theta).probabilities(inputs);
            for (int k = 0; k < p.length; k++) {
                mean[k].increment(p[k]);
                sd[k].increment(p[k]);
            }
        }
        double[] m = new double[probes()];
        double[] s = new double[probes()];
        for (int k = 0; k < m.length; k++) {
            m[k] = Math.min(1, Math.max(0, mean[k].getResult()));
            s[k] = Math.min(1, sd[k].getResult());
        }
        return new FunctionSignature(m, s);
    }

    /** The distance of two signatures under this rule's floor: {@link FunctionSignature#distance}. */
    public double distance(FunctionSignature a, FunctionSignature b) {
        return a.distance(b, floor);
    }

    /** Whether two signatures are the same function: their {@link #distance} is at most the threshold. */
    public boolean same(FunctionSignature a, FunctionSignature b) {
        return distance(a, b) <= threshold;
    }

    /**
     * Groups signatures into functions, taking them in the given order of precedence (modes by local evidence,
     * optima by log posterior: the best-determined first): each joins the earlier group it is nearest to (its least
     * {@link #distance} to a member) when that is at most the threshold, and otherwise starts a new group. A small,
     * vague signature that lies near two functions therefore joins one of them and cannot chain them into one.
     *
     * @return per signature its group, 0, 1, ... numbered in the order the groups start
     */
    public int[] groups(List<FunctionSignature> signatures) {
        int[] group = new int[signatures.size()];
        int groups = 0;
        for (int i = 0; i < group.length; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            int joined = -1;
            for (int j = 0; j < i; j++) {
                double d = distance(signatures.get(i), signatures.get(j));
                if (d < nearest) {
                    nearest = d;
                    joined = group[j];
                }
            }
            group[i] = nearest <= threshold ? joined : groups++;
        }
        return group;
    }

    @Override
    public String toString() {
        return "FunctionIdentity[" + probes() + " probe points of " + inputs.length + " inputs, threshold " + threshold + ", floor " + floor + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionIdentity f && Arrays.deepEquals(inputs, f.inputs)
                && threshold == f.threshold && floor == f.floor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(inputs), threshold, floor);
    }
}
