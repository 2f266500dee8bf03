package org.splitbnn.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A sweep configuration as written in YAML (see {@code conf/} and the README's "Sweeps" section), before validation:
 * absent optional keys are {@code null}. {@link SweepConfigReader} checks it and fills in the defaults.
 *
 * @param name             sweep name (letters, digits, '.', '_', '-')
 * @param nlive            live points of every run
 * @param nprior           prior draws at the start (default 10 x nlive)
 * @param numRepeats       slice-sampling steps per new point (default 5 x dimension)
 * @param sampler          how dead points are replaced: slice (default) or region
 * @param priors           prior names, each one run family
 * @param priorHalfWidth   half-widths a of the uniform(-a, a) box, each one run family (default [5]; a single number
 *                         is a list of one)
 * @param samplerSeeds     sampler seeds, each one run family
 * @param hidden           hidden-unit counts, each one run family (default [2])
 * @param train            training sets, each one run family
 * @param tests            test sets evaluated in every run (default none; a single item is a list of one)
 * @param prominence       a mode is prominent above this fraction of the largest local evidence (default 1e-3)
 * @param posteriorSamples equally weighted samples per solution (default 1000)
 * @param gridStep         spacing of the prediction grid (default 0.1)
 * @param outputs          which large tables to write (default neither)
 * @param baselines        the optimisation baselines (default 32 starts)
 * @param figures          which runs the report draws Figures 1b, 2 and 3 for (default none)
 * @param claims           how the claims table's intervals are drawn (default seed 1, 2000 resamples)
 * @param blocks           grids whose union is the sweep, each giving some of the grid keys (the top level's
 *                         value stands in for a key a block leaves out); default one block, the top level
 */
public record SweepConfig(
        @JsonProperty("name") String name,
        @JsonProperty("nlive") Integer nlive,
        @JsonProperty("nprior") Integer nprior,
        @JsonProperty("num_repeats") Integer numRepeats,
        @JsonProperty("sampler") String sampler,
        @JsonProperty("priors") List<String> priors,
        @JsonProperty("prior_half_width") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<Double> priorHalfWidth,
        @JsonProperty("sampler_seeds") List<Long> samplerSeeds,
        @JsonProperty("hidden") List<Integer> hidden,
        @JsonProperty("train") List<DataItem> train,
        @JsonProperty("tests") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<DataItem> tests,
        @JsonProperty("prominence") Double prominence,
        @JsonProperty("posterior_samples") Integer posteriorSamples,
        @JsonProperty("grid_step") Double gridStep,
        @JsonProperty("outputs") TableSelection outputs,
        @JsonProperty("baselines") BaselineSelection baselines,
        @JsonProperty("figures") FigureSelection figures,
        @JsonProperty("claims") ClaimsKey claims,
        @JsonProperty("blocks") List<Block> blocks) {

    /**
     * One item of {@code train} or {@code tests}: a CSV file, or noisy-XOR datasets generated from seeds, one for
     * every combination of seed, counts and noise variance.
     *
     * @param csv           a CSV file ({@code x1,x2,y}), relative to the configuration file's folder
     * @param seed          one generator seed
     * @param seeds         several generator seeds, one dataset each: a list, or a range {@code {from: A, to: B}}
     *                      (both included)
     * @param counts        points per XOR centre: one list of four, or a list of such lists (default the paper's
     *                      30, 100, 10, 80)
     * @param noiseVariance noise variance per coordinate: one number or a list (default 0.5)
     * @param sameRecipe    for test sets only: generate them with the recipe (counts, noise) of the training set of
     *                      each run, instead of {@code counts} and {@code noise_variance}
     */
    public record DataItem(
            @JsonProperty("csv") String csv,
            @JsonProperty("seed") Long seed,
            @JsonProperty("seeds") @JsonDeserialize(using = SeedsDeserializer.class) List<Long> seeds,
            @JsonProperty("counts") @JsonDeserialize(using = CountsDeserializer.class) List<List<Integer>> counts,
            @JsonProperty("noise_variance") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<Double> noiseVariance,
            @JsonProperty("same_recipe") Boolean sameRecipe) {
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
     * One block of a sweep of several grids: each key it gives replaces the top level's for this block's grid.
     *
     * @param priors         prior names
     * @param priorHalfWidth half-widths of the prior box
     * @param samplerSeeds   sampler seeds
     * @param hidden         hidden-unit counts
     * @param train          training sets
     * @param tests          test sets
     */
    public record Block(
            @JsonProperty("priors") List<String> priors,
            @JsonProperty("prior_half_width") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<Double> priorHalfWidth,
            @JsonProperty("sampler_seeds") List<Long> samplerSeeds,
            @JsonProperty("hidden") List<Integer> hidden,
            @JsonProperty("train") List<DataItem> train,
            @JsonProperty("tests") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<DataItem> tests) {
    }
}
