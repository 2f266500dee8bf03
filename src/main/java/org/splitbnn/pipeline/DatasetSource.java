package org.splitbnn.pipeline;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.data.Sha256;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;

/**
 * A dataset as it travels to an executor: either the generator recipe and seed, or the rows of a CSV file read on
 * the driver (executors need not see the driver's files).
 */
public sealed interface DatasetSource extends Serializable {

    /** The dataset's name in the tables. */
    String name();

    /**
     * Where the dataset comes from, as a reader of a study recognises it: its generator ({@code xor}, or a toy
     * problem's {@link ToyRecipe#label()}) or the CSV file as the configuration names it.
     */
    String origin();

    /** Builds the dataset. */
    Dataset build();

    /** Number of rows. */
    int size();

    /**
     * SHA-256 of a dataset's content (its rows; the name is left out): per row the inputs' IEEE bits in input
     * order, then the label, big-endian. Two sources with the same rows have the same hash however they were made.
     */
    static String contentHash(Dataset d) {
        ByteBuffer buf = ByteBuffer.allocate(d.size() * (8 * d.inputs() + 4));
        for (int row = 0; row < d.size(); row++) {
            for (int input = 0; input < d.inputs(); input++) {
                buf.putDouble(d.x(input, row));
            }
            buf.putInt(d.y(row));
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
        public String origin() {
            return NoisyXorRecipe.GENERATOR;
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
     * A toy dataset drawn by {@link ToyGenerator} from xoshiro256++ ({@code RandomSource.XO_SHI_RO_256_PP}) seeded
     * with {@code seed}.
     *
     * @param name   dataset name
     * @param seed   generator seed
     * @param recipe the recipe
     */
    record Toy(String name, long seed, ToyRecipe recipe) implements DatasetSource {

        @Override
        public String origin() {
            return recipe.label();
        }

        @Override
        public Dataset build() {
            return ToyGenerator.generate(recipe, seed, name);
        }

        @Override
        public int size() {
            return recipe.size();
        }
    }

    /**
     * The rows of a dataset read on the driver.
     *
     * @param name dataset name
     * @param file the CSV file as the configuration names it
     * @param x    the inputs, column by column
     * @param y    labels
     */
    record Rows(String name, String file, double[][] x, int[] y) implements DatasetSource {

        /** The rows of a dataset read from {@code file}. */
        public static Rows of(Dataset d, String file) {
            double[][] x = new double[d.inputs()][];
            for (int input = 0; input < x.length; input++) {
                x[input] = d.column(input);
            }
            return new Rows(d.name(), file, x, d.labels());
        }

        @Override
        public String origin() {
            return file;
        }

        @Override
        public Dataset build() {
            return new Dataset(name, x, y);
        }

        @Override
        public int size() {
            return y.length;
        }
    }
}
