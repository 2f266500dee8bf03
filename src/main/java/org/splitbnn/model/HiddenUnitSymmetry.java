package org.splitbnn.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the 2^N N! maps of a D-N-1 network's parameters that leave its output unchanged: flip the sign of some
 * hidden units, then permute the units.
 *
 * <p>Flipping unit j maps (w1j, ..., wDj, b1_j, W2_j, b2) to (-w1j, ..., -wDj, -b1_j, -W2_j, b2 + W2_j), since
 * sigmoid(-a) = 1 - sigmoid(a). The permutation then moves every parameter of (possibly flipped) unit
 * {@code source.get(j)} to unit j.
 *
 * @param inputs  number of inputs D of the network, at least 1
 * @param flipped per hidden unit (of the argument of {@link #apply}), whether its sign is flipped
 * @param source  per hidden unit j of the image, the unit of the argument it comes from: a permutation of 0..N-1
 */
public record HiddenUnitSymmetry(int inputs, List<Boolean> flipped, List<Integer> source) {

    /**
     * Copies the lists and checks that {@code source} is a permutation of as many units as {@code flipped} and that
     * there is an input.
     */
    public HiddenUnitSymmetry {
        if (inputs < 1) {
            throw new IllegalArgumentException("a symmetry acts on a network of at least 1 input, got " + inputs);
        }
        flipped = List.copyOf(flipped);
        source = List.copyOf(source);
        if (flipped.isEmpty() || flipped.size() != source.size()) {
            throw new IllegalArgumentException("a symmetry needs one flip and one source per hidden unit, got "
                    + flipped.size() + " flips and " + source.size() + " sources");
        }
        boolean[] seen = new boolean[source.size()];
        for (int unit : source) {
            if (unit < 0 || unit >= seen.length || seen[unit]) {
                throw new IllegalArgumentException("sources " + source + " are not a permutation of 0.."
                        + (seen.length - 1));
            }
            seen[unit] = true;
        }
    }

    /**
     * Every map of a network shape, 2^N N! of them (8 for the paper's 2-2-1, 48 for a D-3-1), the identity first:
     * permutations in lexicographic order, and within each the flips counted in binary (unit 1 the lowest bit).
     *
     * @throws IllegalArgumentException above 8 hidden units (10 million maps)
     */
    public static List<HiddenUnitSymmetry> all(NetworkShape shape) {
        int n = shape.hidden();
        if (n > 8) {
            throw new IllegalArgumentException("the symmetry group of a " + shape.label() + " network is too large to list");
        }
        List<HiddenUnitSymmetry> maps = new ArrayList<>();
        for (List<Integer> permutation : permutations(n)) {
            for (int mask = 0; mask < 1 << n; mask++) {
                List<Boolean> flips = new ArrayList<>(n);
                for (int unit = 0; unit < n; unit++) {
                    flips.add((mask >> unit & 1) == 1);
                }
                maps.add(new HiddenUnitSymmetry(shape.inputs(), flips, permutation));
            }
        }
        return List.copyOf(maps);
    }

    /** The shape of the networks the map acts on. */
    public NetworkShape shape() {
        return new NetworkShape(inputs, source.size());
    }

    /** The image of a parameter vector of {@link #shape()} (order as in {@link NetworkShape}); a new array. */
    public double[] apply(double[] theta) {
        NetworkShape shape = shape();
        shape.checkParameters(theta);
        double[] flippedTheta = theta.clone();
        for (int unit = 0; unit < shape.hidden(); unit++) {
            if (flipped.get(unit)) {
                flip(shape, flippedTheta, unit);
            }
        }
        double[] image = flippedTheta.clone();
        for (int unit = 0; unit < shape.hidden(); unit++) {
            int from = source.get(unit);
            for (int input = 0; input < inputs; input++) {
                image[shape.inputWeight(input, unit)] = flippedTheta[shape.inputWeight(input, from)];
            }
            image[shape.hiddenBias(unit)] = flippedTheta[shape.hiddenBias(from)];
            image[shape.outputWeight(unit)] = flippedTheta[shape.outputWeight(from)];
        }
        return image;
    }

    private static void flip(NetworkShape shape, double[] theta, int unit) {
        theta[shape.outputBias()] += theta[shape.outputWeight(unit)];
        for (int input = 0; input < shape.inputs(); input++) {
            theta[shape.inputWeight(input, unit)] = -theta[shape.inputWeight(input, unit)];
        }
        theta[shape.hiddenBias(unit)] = -theta[shape.hiddenBias(unit)];
        theta[shape.outputWeight(unit)] = -theta[shape.outputWeight(unit)];
    }

    private static List<List<Integer>> permutations(int n) {
        List<List<Integer>> out = new ArrayList<>();
        extend(new ArrayList<>(), new boolean[n], out);
        return out;
    }

    private static void extend(List<Integer> prefix, boolean[] used, List<List<Integer>> out) {
        if (prefix.size() == used.length) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int unit = 0; unit < used.length; unit++) {
            if (!used[unit]) {
                used[unit] = true;
                prefix.add(unit);
                extend(prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[unit] = false;
            }
        }
    }
}
