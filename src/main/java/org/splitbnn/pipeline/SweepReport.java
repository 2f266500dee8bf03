package org.splitbnn.pipeline;

import java.util.Locale;

/**
 * What a sweep invocation did and how long it took.
 *
 * @param name           sweep name
 * @param runs           runs in the grid
 * @param reused         runs already committed by an earlier invocation (not recomputed)
 * @param computed       runs computed now
 * @param failed         runs of the grid whose committed status is failed
 * @param runsSeconds    wall time from submitting the runs to the last commit
 * @param tablesSeconds  wall time spent writing the tables
 * @param sumRunSeconds  sum of the computed runs' own wall times
 * @param cores          task slots Spark had (its default parallelism)
 */
public record SweepReport(String name, int runs, int reused, int computed, int failed, double runsSeconds,
                          double tablesSeconds, double sumRunSeconds, int cores) {

    /** One line for the end of a sweep. */
    public String line() {
        return String.format(Locale.ROOT, "sweep %s: %d runs (%d computed, %d already committed), %d failed;"
                        + " runs %.1f s (sum of run times %.1f s on %d cores), tables %.1f s",
                name, runs, computed, reused, failed, runsSeconds, sumRunSeconds, cores, tablesSeconds);
    }
}
