package org.splitbnn.report;

import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.Solution;
import org.splitbnn.data.Dataset;

/**
 * What Figures 1b, 2 and 3 of one run are drawn from, whether the run is a run directory or a row of a sweep's
 * tables.
 *
 * @param description    the run in a few words for the figures' titles ("full prior", "constrained prior, xor-11, ...")
 * @param logZ           the full solution's log Z
 * @param logZErr        its standard deviation
 * @param modes          every mode, largest local evidence first
 * @param generalisation the run's generalisation rows
 * @param posterior      the full posterior's samples
 * @param predictions    the prediction maps by solution
 * @param training       the training set, or null when it cannot be found
 */
public record RunFigureInput(String description, double logZ, double logZErr, List<ModeRow> modes,
                             List<LogLikelihoodRow> generalisation, PosteriorSamples posterior,
                             Map<String, PredictionMap> predictions, Dataset training) {

    /** Whether the run has prediction maps: only a network of two inputs has (see the predictions table). */
    public boolean hasPredictionMaps() {
        return predictions.containsKey(Solution.FULL);
    }

    /** The prominent modes, largest local evidence first. */
    public List<ModeRow> prominentModes() {
        return modes.stream().filter(ModeRow::prominent).toList();
    }
}
