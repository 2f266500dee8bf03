package org.splitbnn.analysis;

import java.util.List;

import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.SamplerSettings;

/**
 * Everything one experiment needs: fully marginalise a network on a training set under a prior, then report its
 * modes and how each mode and the full solution generalise.
 *
 * @param train            the training set (the likelihood)
 * @param tests            test sets the generalisation is measured on (may be empty)
 * @param prior            prior name: full, constrained or constrained-transform
 * @param priorHalfWidth   half-width a of the uniform(-a, a) box (5 in the paper)
 * @param hidden           hidden units (2 in the paper)
 * @param sampler          nested-sampling settings (the paper: nlive 1000, nprior 10000)
 * @param prominence       a mode is prominent when its local evidence exceeds this fraction of the largest (1e-3)
 * @param posteriorSamples equally weighted samples per solution for generalisation and predictions (1000)
 * @param gridStep         spacing of the prediction grid (0.1)
 * @param baselineStarts   optimiser starts of the baselines (map, ensemble, laplace; 32), 0 for no baselines
 */
public record ExperimentSpec(Dataset train, List<Dataset> tests, String prior, double priorHalfWidth, int hidden,
                             SamplerSettings sampler, double prominence, int posteriorSamples, double gridStep,
                             int baselineStarts) {

    /** The paper's defaults for a training set, prior and seed: nlive 1000, nprior 10 x nlive. */
    public static ExperimentSpec paper(Dataset train, List<Dataset> tests, String prior, long seed) {
        int dimension = 9;
        SamplerSettings s = SamplerSettings.defaults(dimension, seed).withNlive(1000).withNprior(10_000);
        return new ExperimentSpec(train, tests, prior, 5.0, 2, s, 1e-3, 1000, 0.1, Baselines.DEFAULT_STARTS);
    }

    /** Throws unless the number of baseline starts is 0 (no baselines) or positive. */
    public static void checkBaselineStarts(int starts) {
        if (starts < 0) {
            throw new IllegalArgumentException("baseline starts must be 0 (no baselines) or positive, got " + starts);
        }
    }
}
