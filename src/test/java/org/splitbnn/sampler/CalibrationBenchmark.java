package org.splitbnn.sampler;

import java.util.Locale;

import org.apache.commons.math3.stat.StatUtils;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * Benchmark run by {@code jobs/bench-calibration}: for one sampler, the pulls (log Z - truth) / sigma of every
 * validation problem over seeds 100 to 100 + N - 1 (default 24, as {@link CalibrationTest}) at the nlive of each row of
 * {@link #ROWS}: their mean and SD against the calibration bands (mean within +-0.6, SD in [0.6, 1.6]), likelihood
 * calls and seconds per run. sparse2's pulls count only the runs that find both modes: {@code jobs/bench-errors}.
 * Arguments: {@code [slice|region [N]]}, default region and 24.
 */
public final class CalibrationBenchmark {

    /** Problem and nlive of each row: the small nlive of the calibration tests, and twice it where that is marginal. */
    private static final String[][] ROWS = {{"gauss9", "50"}, {"gauss9", "100"}, {"corr12", "100"}, {"corr12", "200"},
        {"banana4", "100"}, {"mixture2", "100"}, {"mixture9", "100"}, {"cut", "100"}, {"shells", "200"},
        {"eggbox", "200"}};

    private CalibrationBenchmark() {
    }

    public static void main(String[] args) {
        SamplerKind sampler = SamplerKind.of(args.length > 0 ? args[0] : "region");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        System.out.println(String.format(Locale.ROOT, "%-9s %5s %-6s %9s %8s %12s %9s %s", "problem", "nlive",
                "sampler", "mean pull", "sd pull", "calls/run", "s/run", "bands"));
        for (String[] row : ROWS) {
            ValidationProblem vp = ValidationProblems.byName(row[0]);
            int nlive = Integer.parseInt(row[1]);
            double[] pulls = new double[seeds];
            long calls = 0;
            double seconds = 0;
            for (int s = 0; s < seeds; s++) {
                ValidationRow r = ValidationSuite.run(vp, nlive, 100 + s, sampler, ProgressListener.QUIET);
                pulls[s] = r.pull();
                calls += r.nLikelihood();
                seconds += r.seconds();
            }
            double mean = StatUtils.mean(pulls);
            double sd = Math.sqrt(StatUtils.populationVariance(pulls));
            boolean met = CalibrationTest.withinBands(mean, sd);
            System.out.println(String.format(Locale.ROOT, "%-9s %5d %-6s %+9.2f %8.2f %12d %9.2f %s", row[0], nlive,
                    sampler.key(), mean, sd, calls / seeds, seconds / seeds, met ? "met" : "NOT met"));
        }
    }
}
