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
 * @param tablesWritten  whether the tables were written (not when those in place came from the same commits)
 * @param tablesSeconds  wall time spent on the tables (writing them, or finding them current)
 * @param sumRunSeconds  sum of the computed runs' own wall times
 * @param cores          task slots Spark had (its default parallelism)
 */
public record SweepReport(String name, int runs, int reused, int computed, int failed, double runsSeconds,
                          boolean tablesWritten, double tablesSeconds, double sumRunSeconds, int cores) {

    /** One line for the end of a sweep. */
    public String line() {
        return String.format(Locale.ROOT, "sweep %s: %d runs (%d computed, %d already committed), %d failed;"
                        + " runs %.1f s (sum of run times %.1f s on %d cores), tables %.1f s%s",
                name, runs, computed, reused, failed, runsSeconds, sumRunSeconds, cores, tablesSeconds,
                tablesWritten ? "" : " (unchanged, not rewritten)");
    }
}
