package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.model.BnnProblem;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;

/**
 * The sampler stays calibrated beyond two inputs: the 4-2-1 network's log Z on {@code data/toy/blobs4.csv} (full
 * prior, half-width 5) at nlive {@value #NLIVE} over {@value #SEEDS} sampler seeds, against the importance-sampling
 * truth of {@code tools/is_evidence.py} (independent of the Java code: its own likelihood, symmetries and weights),
 * {@value #TRUTH} +- {@value #TRUTH_ERR}, from 1e6 draws fitted to a run at nlive 1000:
 * {@code jobs/splitbnn run --data data/toy/blobs4.csv --prior full --nlive 1000 --starts 0 --polychord-files --out R}
 * then {@code tools/is_evidence.py data/toy/blobs4.csv R/run 1000000}. Each pull is (log Z - truth) over the
 * reported error and the truth's combined; with calibrated errors the pulls are standard normal draws, so their sum
 * of squares stays below the chi-squared distribution's 0.999 quantile, their mean within 3.3 standard errors of 0 and
 * none beyond 4.
 */
@Tag("statistical")
class FourInputsEvidenceTest {

    private static final int SEEDS = 8;
    private static final int NLIVE = 100;
    private static final double TRUTH = -29.7033;
    private static final double TRUTH_ERR = 0.0050;

    @Test
    void pullsAgainstTheImportanceSamplingTruthAreStandardNormal() throws IOException {
        Dataset train = DatasetCsv.read(Path.of("data/toy/blobs4.csv"));
        assertEquals(4, train.inputs());
        BnnProblem problem = new BnnProblem(train, 2, Prior.parse("full", 5.0));
        double[] pulls = new double[SEEDS];
        double sumOfSquares = 0;
        for (int s = 0; s < SEEDS; s++) {
            SamplerSettings settings = SamplerSettings.defaults(problem.dimension(), s + 1).withNlive(NLIVE)
                    .withNprior(10 * NLIVE);
            SamplerResult r = NestedSampler.run(problem, settings, ProgressListener.QUIET);
            pulls[s] = (r.logZ() - TRUTH) / Math.hypot(r.logZErr(), TRUTH_ERR);
            assertTrue(Math.abs(pulls[s]) < 4, "seed " + (s + 1) + ": log Z " + r.logZ() + " +- " + r.logZErr());
            sumOfSquares += pulls[s] * pulls[s];
        }
        double mean = StatUtils.mean(pulls);
        assertTrue(Math.abs(mean) < 3.3 / Math.sqrt(SEEDS), "mean pull " + mean);
        assertTrue(sumOfSquares < new ChiSquaredDistribution(SEEDS).inverseCumulativeProbability(0.999),
                "sum of squared pulls " + sumOfSquares);
    }
}
