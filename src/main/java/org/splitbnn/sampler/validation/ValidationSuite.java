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
            errs.add(modeWeightError(r, k));
        }
        return new ValidationRow(vp.name(), vp.truthLogZ(), r.logZ(), r.logZErr(), vp.truthLogF(),
                r.logPriorVolumeFraction(), r.logPriorVolumeFractionErr(), clusters.size(), r.nLikelihood(),
                r.wallSeconds(), weights, errs, vp.modeWeights());
    }

    /**
     * Standard deviation of a mode's weight w_k = Z_k / sum Z, treating the local log-evidences as independent:
     * var(w_k) = w_k^2 [ (1 - w_k)^2 s_k^2 + sum_{j != k} w_j^2 s_j^2 ].
     */
    static double modeWeightError(SamplerResult r, int k) {
        double wk = r.modeWeight(k);
        double var = 0;
        for (int j = 0; j < r.clusters().size(); j++) {
            double wj = r.modeWeight(j);
            double sj = r.clusters().get(j).logZErr();
            double coef = j == k ? (1 - wk) : wj;
            var += coef * coef * sj * sj;
        }
        return wk * Math.sqrt(var);
    }
}
