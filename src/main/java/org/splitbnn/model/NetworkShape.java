package org.splitbnn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of a dense D-N-1 network and the order of its parameters.
 *
 * <p>D inputs feed {@code hidden} sigmoid units with biases, which feed one sigmoid output with a bias. The
 * parameter vector has {@code (D + 2) * hidden + 1} entries, in this order (i = input 1..D, j = hidden unit 1..N):
 * <ol>
 *   <li>the input weights of input 1, {@code w1j} for j = 1..N, then those of input 2, {@code w2j}, and so on up to
 *       input D: W1[i][j] maps input i to hidden unit j;</li>
 *   <li>the hidden biases {@code b1_j};</li>
 *   <li>the output weights {@code W2_j};</li>
 *   <li>the output bias {@code b2}.</li>
 * </ol>
 * Hidden unit j computes {@code h_j = sigmoid(sum_i wij xi + b1_j)} and the output logit is
 * {@code z = sum_j W2_j h_j + b2}, with {@code p(y = 1 | x) = sigmoid(z)}. For the paper's 2-2-1 network the names
 * are {@code w11, w12, w21, w22, b1_1, b1_2, W2_1, W2_2, b2}, PolyChordLite's reference order. From 10 hidden units
 * or 10 inputs on the input weights are named {@code wi_j} so that names stay unambiguous.
 *
 * @param inputs number of inputs D, at least 1 (a dataset's number of input columns)
 * @param hidden number of hidden units, at least 1
 */
public record NetworkShape(int inputs, int hidden) {

    /** The paper's 2-2-1 network. */
    public static final NetworkShape PAPER = new NetworkShape(2, 2);

    /** Validates the numbers of inputs and hidden units and that the parameter count fits an int. */
    public NetworkShape {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        if (hidden < 1 || hidden > maxHidden(inputs)) {
            throw new IllegalArgumentException("hidden units must lie in [1, " + maxHidden(inputs) + "] for "
                    + inputs + " inputs, got " + hidden);
        }
    }

    /** The most hidden units a network of {@code inputs} inputs may have: its parameter count must fit an int. */
    public static int maxHidden(int inputs) {
        return (int) ((Integer.MAX_VALUE - 1L) / (inputs + 2L));
    }

    /** Number of parameters, {@code (inputs + 2) * hidden + 1}. */
    public int dimension() {
        return (inputs + 2) * hidden + 1;
    }

    /** Index of the weight from input {@code input} (0-based) to hidden unit {@code unit} (0-based). */
    public int inputWeight(int input, int unit) {
        return input * hidden + unit;
    }

    /** Index of the bias of hidden unit {@code unit} (0-based). */
    public int hiddenBias(int unit) {
        return inputs * hidden + unit;
    }

    /** Index of the weight from hidden unit {@code unit} (0-based) to the output. */
    public int outputWeight(int unit) {
        return (inputs + 1) * hidden + unit;
    }

    /** Index of the output bias. */
    public int outputBias() {
        return (inputs + 2) * hidden;
    }

    /** The network as {@code D-N-1}, e.g. {@code 2-2-1}. */
    public String label() {
        return inputs + "-" + hidden + "-1";
    }

    /** Parameter names in order (see the class description). */
    public List<String> parameterNames() {
        String separator = hidden < 10 && inputs < 10 ? "" : "_";
        List<String> names = new ArrayList<>(dimension());
        for (int input = 1; input <= inputs; input++) {
            for (int unit = 1; unit <= hidden; unit++) {
                names.add("w" + input + separator + unit);
            }
        }
        for (int unit = 1; unit <= hidden; unit++) {
            names.add("b1_" + unit);
        }
        for (int unit = 1; unit <= hidden; unit++) {
            names.add("W2_" + unit);
        }
        names.add("b2");
        return Collections.unmodifiableList(names);
    }

    /** Throws unless {@code theta} has {@link #dimension()} entries. */
    void checkParameters(double[] theta) {
        if (theta.length != dimension()) {
            throw new IllegalArgumentException("a " + label() + " network has " + dimension()
                    + " parameters, got " + theta.length);
        }
    }
}
