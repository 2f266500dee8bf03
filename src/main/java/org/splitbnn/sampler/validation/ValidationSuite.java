package org.splitbnn.sampler.validation;

import java.util.ArrayList;
import java.util.List;

import org.splitbnn.sampler.ClusterSummary;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;

/** Runs validation problems and compares what the sampler finds with their known answers. */
public final class ValidationSuite {

    private ValidationSuite() {
    }

    /** Runs one problem with the pypolychord defaults but the given nlive (nprior = nlive), seed and sampler. */
    public static ValidationRow run(ValidationProblem vp, int nlive, long seed, SamplerKind sampler,
                                    ProgressListener progress) {
        SamplerSettings settings = SamplerSettings.defaults(vp.problem().dimension(), seed).withNlive(nlive)
                .withSampler(sampler);
        SamplerResult r = NestedSampler.run(vp.problem(), settings, progress);
        return row(vp, r);
    }

    /** The validation row of a finished run. */
    public static ValidationRow row(ValidationProblem vp, SamplerResult r) {
        List<Double> weights = new ArrayList<>();
        List<Double> errs = new ArrayList<>();
        List<ClusterSummary> clusters = r.clusters();
        for (int k = 0; k < Math.min(vp.modeWeights().size(), clusters.size()); k++) {
            double w = r.modeWeight(k);
            weights.add(w);
            errs.add(clusters.get(k).weightErr());
        }
        return new ValidationRow(vp.name(), vp.truthLogZ(), r.logZ(), r.logZErr(), vp.truthLogF(),
                r.logPriorVolumeFraction(), r.logPriorVolumeFractionErr(), r.nClusters(), clusters.size(),
                r.prominentModes(SamplerResult.DEFAULT_PROMINENCE), r.nLikelihood(),
                r.wallSeconds(), weights, errs, vp.modeWeights());
    }
}
