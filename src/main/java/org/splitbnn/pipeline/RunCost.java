package org.splitbnn.pipeline;

import java.util.List;
import java.util.Locale;

import org.splitbnn.analysis.RunSettings;

/**
 * A rough estimate of how long runs take, printed before a sweep starts: the sampling ({@link
 * RunSettings#estimatedSeconds}) plus the two parts of a run that sampling leaves out, each proportional to network
 * evaluations: the generalisation table (posterior samples times the rows of the training and test sets) and the
 * baselines (optimiser starts times training rows). Their constants are CPU seconds measured on the 2-core development
 * machine (two study runs: nlive 100 with 300 samples and 5 test sets, nlive 200 with 1000 samples and 10 test sets);
 * expect the estimate to be off by up to a factor of two, more for wider networks and on a loaded machine.
 */
final class RunCost {

    /** Seconds per posterior sample and row of the training and test sets, per hidden unit (generalisation). */
    static final double SECONDS_PER_SAMPLE_ROW_AND_UNIT = 8.7e-7;

    /** Seconds per optimiser start and training row, per hidden unit (the baselines). */
    static final double SECONDS_PER_START_ROW_AND_UNIT = 4.0e-5;

    private RunCost() {
    }

    /** Estimated seconds of one run on one core. */
    static double seconds(RunSpec run) {
        RunSettings s = run.settings();
        int rows = run.train().size() + run.tests().stream().mapToInt(DatasetSource::size).sum();
        return s.estimatedSeconds(run.train().size())
                + SECONDS_PER_SAMPLE_ROW_AND_UNIT * s.posteriorSamples() * rows * s.hidden()
                + SECONDS_PER_START_ROW_AND_UNIT * s.baselineStarts() * run.train().size() * s.hidden();
    }

    /**
     * The line printed before Spark starts: the grid's size by factor and the estimated time on {@code cores} cores.
     */
    static String line(Sweep sweep, int cores) {
        List<RunSpec> runs = sweep.runs();
        double total = runs.stream().mapToDouble(RunCost::seconds).sum();
        double longest = runs.stream().mapToDouble(RunCost::seconds).max().orElse(0);
        return String.format(Locale.ROOT, "sweep %s: %d runs (%d training sets, %d priors, %d prior half-widths, "
                        + "%d sampler seeds, %d hidden sizes, %d sampler settings); estimated %s of run time, about %s "
                        + "on %d cores (rough: within a factor of two on an idle machine)", sweep.name(), runs.size(),
                distinct(runs, r -> r.train().name()), distinct(runs, r -> r.settings().prior()),
                distinct(runs, r -> r.settings().priorHalfWidth()), distinct(runs, r -> r.settings().samplerSeed()),
                distinct(runs, r -> r.settings().hidden()), distinct(runs, r -> r.condition().sampling()),
                ProgressLine.duration(total),
                ProgressLine.duration(Math.max(total / Math.max(1, cores), longest)), cores);
    }

    private static long distinct(List<RunSpec> runs, java.util.function.Function<RunSpec, Object> key) {
        return runs.stream().map(key).distinct().count();
    }
}
