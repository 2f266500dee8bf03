package org.splitbnn.pipeline;

import java.util.Locale;

/** The line the driver prints when a run finishes: which run, what it found, and how far the sweep has got. */
final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * Formats a finished run.
     *
     * @param done           runs finished so far in this invocation, this one included
     * @param total          runs this invocation computes
     * @param elapsedSeconds seconds since the runs were submitted
     */
    static String of(RunSpec spec, RunHeadline outcome, int done, int total, double elapsedSeconds) {
        String result = outcome.ok()
                ? String.format(Locale.ROOT, "log Z %.3f ± %.3f, %d prominent modes", outcome.logZ(),
                        outcome.logZErr(), outcome.prominentModes())
                : "FAILED: " + outcome.error();
        double eta = done >= total ? 0 : elapsedSeconds / done * (total - done);
        return String.format(Locale.ROOT, "[%d/%d] %s %s train=%s seed %d hidden %d: %s, %.1f s; ETA %s", done,
                total, spec.runId(), spec.settings().prior(), spec.train().name(), spec.settings().samplerSeed(),
                spec.settings().hidden(), result,
                outcome.wallSeconds(), duration(eta));
    }

    /** Seconds as h:mm:ss or m:ss. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
