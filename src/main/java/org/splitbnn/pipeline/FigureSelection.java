package org.splitbnn.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which runs of a sweep the report draws Figures 1b, 2 and 3 for (the {@code figures} key): the runs whose prior,
 * training set, sampler seed and hidden-unit count are all among the listed ones. A sub-key left out does not narrow
 * the selection, so {@code figures: {}} marks every run. The selection plays no part in run ids.
 *
 * @param priors       prior names, or null for any
 * @param train        training-set names as in the tables ({@code train}, {@code xor-11}), or null for any
 * @param samplerSeeds sampler seeds, or null for any
 * @param hidden       hidden-unit counts, or null for any
 */
public record FigureSelection(@JsonProperty("priors") List<String> priors,
                              @JsonProperty("train") List<String> train,
                              @JsonProperty("sampler_seeds") List<Long> samplerSeeds,
                              @JsonProperty("hidden") List<Integer> hidden) {

    /** Whether {@code run} is selected. */
    public boolean marks(RunSpec run) {
        return (priors == null || priors.contains(run.settings().prior()))
                && (train == null || train.contains(run.train().name()))
                && (samplerSeeds == null || samplerSeeds.contains(run.settings().samplerSeed()))
                && (hidden == null || hidden.contains(run.settings().hidden()));
    }
}
