package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.splitbnn.data.DatasetCsv;
import org.splitbnn.model.BnnProblem;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;

/**
 * The reported log Z error holds on the network: on {@code data/paper} at nlive 200 (nprior 2000, the default
 * num_repeats of 5 x dimension), over {@value #SEEDS} sampler seeds, the pulls (log Z - truth) / sigma against the
 * importance-sampling truth ({@link PaperTruth}, whose own error is under 3% of sigma) have a mean within three
 * standard errors of 0 and a standard deviation in [0.75, 1.3]. With 30 seeds the SD of the pulls is itself known to
 * about 13% (1 / sqrt(2 x 29)), so the band is about two of those on either side of 1.
 */
@Tag("statistical")
class PaperEvidenceCalibrationTest {

    private static final int SEEDS = 30;
    private static final int NLIVE = 200;

    @ParameterizedTest(name = "{0} prior")
    @ValueSource(strings = {"full", "constrained"})
    void pullsAgainstTheImportanceSamplingTruthHaveUnitSpread(String prior) throws IOException {
        BnnProblem problem = new BnnProblem(DatasetCsv.read(Path.of("data/paper/train.csv")), 2,
                Prior.parse(prior, 5.0));
        double truth = PaperTruth.logZ(prior);
        double[] pulls = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            SamplerSettings settings = SamplerSettings.defaults(problem.dimension(), s + 1).withNlive(NLIVE)
                    .withNprior(10 * NLIVE);
            SamplerResult r = NestedSampler.run(problem, settings, ProgressListener.QUIET);
            assertTrue(PaperTruth.logZErr(prior) < 0.03 * r.logZErr(), "the truth's error is not negligible");
            pulls[s] = (r.logZ() - truth) / r.logZErr();
        }
        double mean = StatUtils.mean(pulls);
        double sd = Math.sqrt(StatUtils.variance(pulls));
        assertTrue(Math.abs(mean) < 3 * sd / Math.sqrt(SEEDS), prior + ": mean pull " + mean);
        assertTrue(sd >= 0.75 && sd <= 1.3, prior + ": SD of the pulls " + sd);
    }
}
