package org.splitbnn.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * A rough estimate of how long runs take, printed before a sweep starts. Three parts, each proportional to network
 * evaluations: sampling (likelihood calls grow with nlive and num_repeats, each costs training rows times hidden
 * units, plus the sampler's own work per call), the generalisation table (posterior samples times the rows of the
 * training and test sets) and the baselines (optimiser starts times training rows). The constants are CPU seconds
 * measured on the 2-core development machine (README, "Benchmarks", and two study runs: nlive 100 with 300 samples
 * and 5 test sets, nlive 200 with 1000 samples and 10 test sets); expect the estimate to be off by up to a factor of
 * two, more for wider networks and on a loaded machine.
 */
final class RunCost {

    /** Likelihood calls per live point and slice-sampling repeat over a whole run (measured: 55 to 80). */
    static final double CALLS_PER_LIVE_POINT_AND_REPEAT = 70;

    /** Seconds of one likelihood call per training row and hidden unit (1.4 microseconds for 220 rows, 2 units). */
    static final double SECONDS_PER_ROW_AND_UNIT = 3.2e-9;

    /** The sampler's own seconds per likelihood call. */
    static final double SAMPLER_SECONDS_PER_CALL = 0.3e-6;

    /** Seconds per posterior sample and row of the training and test sets, per hidden unit (generalisation). */
    static final double SECONDS_PER_SAMPLE_ROW_AND_UNIT = 8.7e-7;

    /** Seconds per optimiser start and training row, per hidden unit (the baselines). */
    static final double SECONDS_PER_START_ROW_AND_UNIT = 4.0e-5;

    private RunCost() {
    }

    /** Estimated seconds of one run on one core. */
    static double seconds(RunSpec run) {
        double calls = CALLS_PER_LIVE_POINT_AND_REPEAT * run.settings().nlive() * run.settings().numRepeats();
        double perCall = SECONDS_PER_ROW_AND_UNIT * run.train().size() * run.settings().hidden() + SAMPLER_SECONDS_PER_CALL;
        int rows = run.train().size() + run.tests().stream().mapToInt(DatasetSource::size).sum();
        return calls * perCall
                + SECONDS_PER_SAMPLE_ROW_AND_UNIT * run.settings().posteriorSamples() * rows * run.settings().hidden()
                + SECONDS_PER_START_ROW_AND_UNIT * run.settings().baselineStarts() * run.train().size() * run.settings().hidden();
    }

    /**
     * The line printed before Spark starts: the grid's size by factor and the estimated time on {@code cores} cores.
     */
    static String line(Sweep sweep, int cores) {
        List<RunSpec> runs = sweep.runs();
        double total = runs.stream().mapToDouble(RunCost::seconds).sum();
        double longest = runs.stream().mapToDouble(RunCost::seconds).max().orElse(0);
        return String.format(Locale.ROOT, "sweep %s: %d runs (%d training sets, %d priors, %d prior half-widths, "
                        + "%d sampler seeds, %d hidden sizes); estimated %s of run time, about %s on %d cores "
                        + "(rough: within a factor of two on an idle machine)", sweep.name(), runs.size(),
                distinct(runs, r -> r.train().name()), distinct(runs, r -> r.settings().prior()),
                distinct(runs, r -> r.settings().priorHalfWidth()), distinct(runs, r -> r.settings().samplerSeed()),
                distinct(runs, r -> r.settings().hidden()), ProgressLine.duration(total),
                ProgressLine.duration(Math.max(total / Math.max(1, cores), longest)), cores);
    }

    private static long distinct(List<RunSpec> runs, java.util.function.Function<RunSpec, Object> key) {
        return runs.stream().map(key).distinct().count();
    }
}
