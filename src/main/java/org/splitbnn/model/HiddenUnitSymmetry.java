package org.splitbnn.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the 8 maps of the 2-2-1 network's parameters that leave its output unchanged: optionally flip the sign of
 * hidden unit 1 and/or 2, then optionally swap the two units.
 *
 * <p>Flipping unit j maps (w1j, w2j, b1_j, W2_j, b2) to (-w1j, -w2j, -b1_j, -W2_j, b2 + W2_j), since
 * sigmoid(-a) = 1 - sigmoid(a). Swapping exchanges every parameter of unit 1 with that of unit 2.
 *
 * @param flipFirst  flip the sign of hidden unit 1
 * @param flipSecond flip the sign of hidden unit 2
 * @param swap       swap the two hidden units (after the flips)
 */
public record HiddenUnitSymmetry(boolean flipFirst, boolean flipSecond, boolean swap) {

    private static final NetworkShape SHAPE = NetworkShape.PAPER;

    /** The 8 maps, the identity first. */
    public static List<HiddenUnitSymmetry> all() {
        List<HiddenUnitSymmetry> maps = new ArrayList<>(8);
        for (boolean swap : new boolean[] {false, true}) {
            for (boolean flipFirst : new boolean[] {false, true}) {
                for (boolean flipSecond : new boolean[] {false, true}) {
                    maps.add(new HiddenUnitSymmetry(flipFirst, flipSecond, swap));
                }
            }
        }
        return List.copyOf(maps);
    }

    /** The image of a 2-2-1 parameter vector (9 entries, order as in {@link NetworkShape}); a new array. */
    public double[] apply(double[] theta) {
        SHAPE.checkParameters(theta);
        double[] image = theta.clone();
        if (flipFirst) {
            flip(image, 0);
        }
        if (flipSecond) {
            flip(image, 1);
        }
        if (swap) {
            swap(image, SHAPE.inputWeight(0, 0), SHAPE.inputWeight(0, 1));
            swap(image, SHAPE.inputWeight(1, 0), SHAPE.inputWeight(1, 1));
            swap(image, SHAPE.hiddenBias(0), SHAPE.hiddenBias(1));
            swap(image, SHAPE.outputWeight(0), SHAPE.outputWeight(1));
        }
        return image;
    }

    private static void flip(double[] theta, int unit) {
        theta[SHAPE.outputBias()] += theta[SHAPE.outputWeight(unit)];
        theta[SHAPE.inputWeight(0, unit)] = -theta[SHAPE.inputWeight(0, unit)];
        theta[SHAPE.inputWeight(1, unit)] = -theta[SHAPE.inputWeight(1, unit)];
        theta[SHAPE.hiddenBias(unit)] = -theta[SHAPE.hiddenBias(unit)];
        theta[SHAPE.outputWeight(unit)] = -theta[SHAPE.outputWeight(unit)];
    }

    private static void swap(double[] theta, int i, int j) {
        double t = theta[i];
        theta[i] = theta[j];
        theta[j] = t;
    }
}
