package org.splitbnn.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

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
 * @param priorHalfWidth   half-width a of the uniform(-a, a) box (default 5)
 * @param samplerSeeds     sampler seeds, each one run family
 * @param hidden           hidden-unit counts, each one run family (default [2])
 * @param train            training sets, each one run family
 * @param tests            test sets evaluated in every run (default none)
 * @param prominence       a mode is prominent above this fraction of the largest local evidence (default 1e-3)
 * @param posteriorSamples equally weighted samples per solution (default 1000)
 * @param gridStep         spacing of the prediction grid (default 0.1)
 * @param outputs          which large tables to write (default neither)
 * @param baselines        the optimisation baselines (default 32 starts)
 * @param figures          which runs the report draws Figures 1b, 2 and 3 for (default none)
 */
public record SweepConfig(
        @JsonProperty("name") String name,
        @JsonProperty("nlive") Integer nlive,
        @JsonProperty("nprior") Integer nprior,
        @JsonProperty("num_repeats") Integer numRepeats,
        @JsonProperty("sampler") String sampler,
        @JsonProperty("priors") List<String> priors,
        @JsonProperty("prior_half_width") Double priorHalfWidth,
        @JsonProperty("sampler_seeds") List<Long> samplerSeeds,
        @JsonProperty("hidden") List<Integer> hidden,
        @JsonProperty("train") List<DataItem> train,
        @JsonProperty("tests") List<DataItem> tests,
        @JsonProperty("prominence") Double prominence,
        @JsonProperty("posterior_samples") Integer posteriorSamples,
        @JsonProperty("grid_step") Double gridStep,
        @JsonProperty("outputs") TableSelection outputs,
        @JsonProperty("baselines") BaselineSelection baselines,
        @JsonProperty("figures") FigureSelection figures) {

    /**
     * One item of {@code train} or {@code tests}: a CSV file, or noisy-XOR datasets generated from seeds.
     *
     * @param csv           a CSV file ({@code x1,x2,y}), relative to the configuration file's folder
     * @param seed          one generator seed
     * @param seeds         several generator seeds, one dataset each
     * @param counts        points per XOR centre (default the paper's 30, 100, 10, 80)
     * @param noiseVariance noise variance per coordinate (default 0.5)
     */
    public record DataItem(
            @JsonProperty("csv") String csv,
            @JsonProperty("seed") Long seed,
            @JsonProperty("seeds") List<Long> seeds,
            @JsonProperty("counts") List<Integer> counts,
            @JsonProperty("noise_variance") Double noiseVariance) {
    }
}
