package org.splitbnn.analysis;

import java.util.List;
import java.util.Map;

import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.SamplerSettings;

/**
 * Everything one experiment needs: fully marginalise a network on a training set under a prior, then report its
 * modes and how each mode and the full solution generalise. A run's {@link RunSettings} make one
 * ({@link RunSettings#experiment}), and hold the defaults.
 *
 * @param train            the training set (the likelihood)
 * @param tests            test sets the generalisation is measured on (may be empty)
 * @param prior            prior name: full, constrained or constrained-transform
 * @param priorHalfWidth   half-width a of the uniform(-a, a) box
 * @param hidden           hidden units
 * @param sampler          nested-sampling settings
 * @param prominence       a mode is prominent when its local evidence exceeds this fraction of the largest
 * @param posteriorSamples equally weighted samples per solution for generalisation and predictions
 * @param gridStep         spacing of the prediction grid
 * @param baselineStarts   optimiser starts of the baselines (map, ensemble, laplace), 0 for no baselines
 */
public record ExperimentSpec(Dataset train, List<Dataset> tests, String prior, double priorHalfWidth, int hidden,
                             SamplerSettings sampler, double prominence, int posteriorSamples, double gridStep,
                             int baselineStarts) {

    /** The experiment of the default {@link RunSettings} with the given prior and seed on the given datasets. */
    public static ExperimentSpec paper(Dataset train, List<Dataset> tests, String prior, long seed) {
        return RunSettings.of(Map.of("prior", prior, "sampler_seed", seed), train.inputs()).experiment(train, tests);
    }

    /** Throws unless the number of baseline starts is 0 (no baselines) or positive. */
    public static void checkBaselineStarts(int starts) {
        if (starts < 0) {
            throw new IllegalArgumentException("baseline starts must be 0 (no baselines) or positive, got " + starts);
        }
    }
}
