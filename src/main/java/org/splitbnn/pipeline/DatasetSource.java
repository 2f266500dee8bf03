package org.splitbnn.pipeline;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.data.Sha256;

/**
 * A dataset as it travels to an executor: either the generator recipe and seed, or the rows of a CSV file read on
 * the driver (executors need not see the driver's files).
 */
public sealed interface DatasetSource extends Serializable {

    /** The dataset's name in the tables. */
    String name();

    /** Builds the dataset. */
    Dataset build();

    /** Number of rows. */
    int size();

    /**
     * SHA-256 of a dataset's content (its rows; the name is left out): the doubles' IEEE bits and the labels,
     * big-endian. Two sources with the same rows have the same hash however they were made.
     */
    static String contentHash(Dataset d) {
        ByteBuffer buf = ByteBuffer.allocate(d.size() * 20);
        for (int row = 0; row < d.size(); row++) {
            buf.putDouble(d.x1(row)).putDouble(d.x2(row)).putInt(d.y(row));
        }
        return Sha256.of(buf.array());
    }

    /**
     * A noisy-XOR dataset drawn by {@link NoisyXorGenerator}.
     *
     * @param name          dataset name
     * @param seed          generator seed
     * @param counts        points per centre
     * @param noiseVariance noise variance per coordinate
     */
    record Generated(String name, long seed, List<Integer> counts, double noiseVariance) implements DatasetSource {

        /** Copies the counts into a serializable list. */
        public Generated {
            counts = List.copyOf(counts);
        }

        @Override
        public Dataset build() {
            return NoisyXorGenerator.generate(new NoisyXorRecipe(counts, noiseVariance), seed, name);
        }

        @Override
        public int size() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The rows of a dataset read on the driver.
     *
     * @param name dataset name
     * @param x1   first inputs
     * @param x2   second inputs
     * @param y    labels
     */
    record Rows(String name, double[] x1, double[] x2, int[] y) implements DatasetSource {

        /** The rows of a dataset. */
        public static Rows of(Dataset d) {
            double[] x1 = new double[d.size()];
            double[] x2 = new double[d.size()];
            int[] y = new int[d.size()];
            for (int row = 0; row < d.size(); row++) {
                x1[row] = d.x1(row);
                x2[row] = d.x2(row);
                y[row] = d.y(row);
            }
            return new Rows(d.name(), x1, x2, y);
        }

        @Override
        public Dataset build() {
            return new Dataset(name, x1, x2, y);
        }

        @Override
        public int size() {
            return y.length;
        }
    }
}
