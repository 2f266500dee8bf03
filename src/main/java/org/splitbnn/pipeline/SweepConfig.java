package org.splitbnn.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The keys of a sweep configuration (YAML, see {@code conf/} and the README's "Sweeps" section) other than the run
 * settings, which {@link SweepConfigReader} reads by {@link org.splitbnn.output.RunSettings}: absent keys are
 * {@code null}.
 *
 * @param name    sweep name (letters, digits, '.', '_', '-')
 * @param train   training sets, each one run family
 * @param tests   test sets evaluated in every run (default none)
 * @param outputs which large tables to write (default neither)
 * @param figures which runs the report draws Figures 1b, 2 and 3 for (default none)
 */
public record SweepConfig(
        @JsonProperty("name") String name,
        @JsonProperty("train") List<DataItem> train,
        @JsonProperty("tests") List<DataItem> tests,
        @JsonProperty("outputs") TableSelection outputs,
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
