package org.splitbnn.analysis;

import java.util.List;

import org.splitbnn.sampler.SamplerResult;

/**
 * What one experiment found.
 *
 * @param spec           what was run
 * @param sampler        the nested-sampling run (evidence, dead points, clusters)
 * @param modes          every mode, largest local evidence first
 * @param generalisation one row per solution (the full posterior, then each prominent mode) and dataset
 * @param predictions    one grid per solution (the full posterior, then each prominent mode)
 */
public record ExperimentResult(ExperimentSpec spec, SamplerResult sampler, List<ModeReport> modes,
                               List<GeneralisationRow> generalisation, List<PredictionGrid> predictions) {

    /** Number of prominent modes. */
    public int prominentModes() {
        return (int) modes.stream().filter(ModeReport::prominent).count();
    }
}
