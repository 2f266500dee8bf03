package org.splitbnn.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The keys of a sweep configuration (YAML, see {@code conf/} and the README's "Sweeps" section) other than the run
 * settings, which {@link SweepConfigReader} reads by {@link org.splitbnn.analysis.RunSettings} (at the top level and in
 * each block): absent keys are {@code null}.
 *
 * @param name    sweep name (letters, digits, '.', '_', '-')
 * @param train   training sets, each one run family
 * @param tests   test sets evaluated in every run (default none; a single item is a list of one)
 * @param outputs which large tables to write (default neither)
 * @param figures which runs the report draws Figures 1b, 2 and 3 for (default none)
 * @param claims  how the claims table's intervals are drawn (default seed 1, 2000 resamples)
 */
public record SweepConfig(
        @JsonProperty("name") String name,
        @JsonProperty("train") List<DataItem> train,
        @JsonProperty("tests") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<DataItem> tests,
        @JsonProperty("outputs") TableSelection outputs,
        @JsonProperty("figures") FigureSelection figures,
        @JsonProperty("claims") ClaimsKey claims) {

    /**
     * One item of {@code train} or {@code tests}: a CSV file, or datasets generated from seeds, one for every
     * combination of seed, counts (noisy XOR) or size, and noise variance.
     *
     * @param csv           a CSV file ({@code x1,...,xD,y}), relative to the configuration file's folder
     * @param seed          one generator seed
     * @param seeds         several generator seeds, one dataset each: a list, or a range {@code {from: A, to: B}}
     *                      (both included)
     * @param counts        points per XOR centre: one list of four, or a list of such lists (default the paper's
     *                      30, 100, 10, 80)
     * @param noiseVariance noise variance per coordinate: one number or a list (default 0.5; for moons, circles and
     *                      spirals 0.01)
     * @param sameRecipe    for test sets only: generate them with the recipe (generator, counts or size, inputs,
     *                      noise) of the training set of each run, instead of the item's own
     * @param generator     the generator: {@code xor} (the paper's noisy XOR, the default) or one of
     *                      {@link org.splitbnn.data.ToyRecipe#GENERATORS}
     * @param size          rows of a toy dataset (not xor): one number or a list (default 200)
     * @param inputs        inputs of a parity or blobs dataset (default 2)
     */
    public record DataItem(
            @JsonProperty("csv") String csv,
            @JsonProperty("seed") Long seed,
            @JsonProperty("seeds") @JsonDeserialize(using = SeedsDeserializer.class) List<Long> seeds,
            @JsonProperty("counts") @JsonDeserialize(using = CountsDeserializer.class) List<List<Integer>> counts,
            @JsonProperty("noise_variance") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<Double> noiseVariance,
            @JsonProperty("same_recipe") Boolean sameRecipe,
            @JsonProperty("generator") String generator,
            @JsonProperty("size") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> size,
            @JsonProperty("inputs") Integer inputs) {
    }

    /**
     * The {@code claims} key: how the claims table's bootstrap intervals are drawn.
     *
     * @param seed      seed of the bootstrap's generator (default 1)
     * @param resamples resamples per row (default 2000, at least 100)
     */
    public record ClaimsKey(@JsonProperty("seed") Long seed, @JsonProperty("resamples") Integer resamples) {
    }

    /**
     * The datasets of one block of a sweep of several grids (the block's grid settings are read beside them by
     * {@link org.splitbnn.analysis.RunSettings}); a key the block leaves out takes the top level's value.
     *
     * @param train training sets
     * @param tests test sets
     */
    public record Block(
            @JsonProperty("train") List<DataItem> train,
            @JsonProperty("tests") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<DataItem> tests) {
    }
}
