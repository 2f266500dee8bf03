package org.splitbnn.analysis;

import java.util.List;

import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.sampler.SamplerResult;

/**
 * What one experiment found.
 *
 * @param spec           what was run
 * @param sampler        the nested-sampling run (evidence, dead points, clusters)
 * @param modes          every mode, largest local evidence first
 * @param functions      the distinct functions of the prominent modes, largest summed evidence first (prominent
 *                       or not)
 * @param generalisation one row per solution (the full posterior, each prominent mode, then the baselines map,
 *                       ensemble and laplace when they have converged optima) and dataset
 * @param baselines      the optimisation baselines (no starts when switched off)
 */
public record ExperimentResult(ExperimentSpec spec, SamplerResult sampler, List<ModeReport> modes,
                               List<FunctionReport> functions,
                               List<GeneralisationRow> generalisation, Baselines baselines) {

    /**
     * The equally weighted posterior samples behind the generalisation table and the prediction grids: the full
     * posterior, then each prominent mode. Drawn again, deterministically, from the run and the seed.
     */
    public List<Solution> solutions() {
        return Experiment.solutions(spec, sampler, modes);
    }

    /**
     * One prediction grid per solution (the full posterior, each prominent mode, then the baselines), computed on
     * each call from the same samples as {@link #solutions()}: as costly as the rest of the analysis, so a sweep
     * that keeps no predictions does not pay for them.
     */
    public List<PredictionGrid> predictions() {
        return Experiment.predictions(spec, sampler, modes, baselines);
    }

    /** Number of prominent modes. */
    public int prominentModes() {
        return (int) modes.stream().filter(ModeReport::prominent).count();
    }

    /**
     * Number of prominent distinct functions among the prominent modes: functions whose summed evidence exceeds the
     * prominence threshold times the largest function's.
     */
    public int distinctFunctions() {
        return (int) functions.stream().filter(FunctionReport::prominent).count();
    }
}
