package org.splitbnn.analysis.claims;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * The factors of a study's grid a run was made under. A claim's row names the condition it was tested in; the
 * factor a claim compares across (the prior for C1 and C2, the training size for C7, the hidden units for C8, the
 * hidden units and the half-width for C10) is null there.
 *
 * @param prior          prior name
 * @param dataset        where the training set comes from: its generator ({@code xor}, {@code moons},
 *                       {@code parity-d5}, ...) or its CSV file as the configuration names it
 * @param counts         points per XOR centre of a noisy-XOR training set; null for other training sets
 * @param trainSize      rows of the training set
 * @param noiseVariance  noise variance of a generated training set; null for a CSV training set
 * @param hidden         hidden units
 * @param priorHalfWidth half-width of the prior box
 * @param sampling       the sampler's settings
 */
public record Condition(String prior, String dataset, List<Integer> counts, Integer trainSize, Double noiseVariance,
                        Integer hidden, Double priorHalfWidth, Sampling sampling) implements Serializable {

    /**
     * The claims table's order: prior, dataset, training size, counts, noise, hidden, half-width, a missing factor
     * first, then the sampler's settings from the cheapest ({@link Sampling#COST}), so the settings of one condition
     * sit side by side.
     */
    public static final Comparator<Condition> ORDER = Comparator
            .comparing(Condition::prior, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Condition::dataset, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Condition::trainSize, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Condition::counts, Comparator.nullsFirst(Condition::compareCounts))
            .thenComparing(Condition::noiseVariance, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .thenComparing(Condition::hidden, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Condition::priorHalfWidth, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .thenComparing(Condition::sampling, Comparator.nullsFirst(Sampling.COST));

    /**
     * The sampler's settings of a run: what a claim's verdict may depend on without being a factor of the claim.
     * The slice-sampling steps are counted per dimension (the default is 5 x the dimension), so that runs of
     * several hidden sizes at one recipe share a condition.
     *
     * @param nlive               live points
     * @param repeatsPerDimension num_repeats over the network's parameter count
     * @param sampler             how dead points are replaced ({@code slice} or {@code region})
     */
    public record Sampling(int nlive, double repeatsPerDimension, String sampler) implements Serializable {

        /**
         * Cheapest first: by nlive x num_repeats (the likelihood calls a run makes are proportional to it; within
         * a condition the dimension is fixed, so by nlive x num_repeats per dimension), then by nlive, by
         * num_repeats and by the sampler's name.
         */
        public static final Comparator<Sampling> COST = Comparator.comparingDouble(Sampling::cost)
                .thenComparingInt(Sampling::nlive).thenComparingDouble(Sampling::repeatsPerDimension)
                .thenComparing(Sampling::sampler);

        /** The settings of a run with {@code numRepeats} slice steps in {@code dimension} parameters. */
        public static Sampling of(int nlive, int numRepeats, int dimension, String sampler) {
            return new Sampling(nlive, (double) numRepeats / dimension, sampler);
        }

        /** nlive x num_repeats per dimension: the measure of a setting's cost at a fixed dimension. */
        public double cost() {
            return nlive * repeatsPerDimension;
        }
    }

    /** Copies the counts. */
    public Condition {
        counts = counts == null ? null : List.copyOf(counts);
    }

    /** The same condition with the prior left open. */
    public Condition withoutPrior() {
        return new Condition(null, dataset, counts, trainSize, noiseVariance, hidden, priorHalfWidth, sampling);
    }

    /** The same condition with the training set's size (and counts) left open. */
    public Condition withoutSize() {
        return new Condition(prior, dataset, null, null, noiseVariance, hidden, priorHalfWidth, sampling);
    }

    /** The same condition with the hidden units left open. */
    public Condition withoutHidden() {
        return new Condition(prior, dataset, counts, trainSize, noiseVariance, null, priorHalfWidth, sampling);
    }

    /** The same condition with the hidden units and the prior's half-width left open. */
    public Condition withoutHiddenAndWidth() {
        return new Condition(prior, dataset, counts, trainSize, noiseVariance, null, null, sampling);
    }

    /** The same condition with the sampler's settings left open: what the settings of a convergence check share. */
    public Condition withoutSampling() {
        return new Condition(prior, dataset, counts, trainSize, noiseVariance, hidden, priorHalfWidth, null);
    }

    /** Counts element by element, then by their number. */
    private static int compareCounts(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
