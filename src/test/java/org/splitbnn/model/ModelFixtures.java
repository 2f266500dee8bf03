package org.splitbnn.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;

/** Shared test data: the development training set and the reference check value. */
final class ModelFixtures {

    /** PolyChordLite's check parameters. */
    static final double[] CHECK_THETA = {1, 2, -1, 0.5, 0.1, -0.2, 3, -2, 0.3};
    /** PolyChordLite's log-likelihood of {@link #CHECK_THETA} on the development train.csv. */
    static final double CHECK_LOG_L = -126.46301315914226;

    private ModelFixtures() {
    }

    static Dataset devTrain() {
        try {
            return DatasetCsv.read(Path.of("data/dev/train.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A noisy parity problem of {@code inputs} inputs and {@code size} rows (the toy generator's, seed 21). */
    static Dataset parity(int inputs, int size) {
        return ToyGenerator.generate(new ToyRecipe(ToyRecipe.PARITY, size, inputs, 0.5), 21L, "parity" + inputs);
    }

    /** A parameter vector drawn uniformly from the box (-halfWidth, halfWidth)^dimension. */
    static double[] uniformTheta(UniformRandomProvider rng, int dimension, double halfWidth) {
        double[] theta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            theta[i] = halfWidth * (2 * rng.nextDouble() - 1);
        }
        return theta;
    }
}
