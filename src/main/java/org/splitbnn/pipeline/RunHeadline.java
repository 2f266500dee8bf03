package org.splitbnn.pipeline;

import java.io.Serializable;

/**
 * What the driver keeps of a committed run: its headline numbers (for resuming, the progress line, the summary
 * table and {@code _SUMMARY.json}), never its table rows, which stay in the commit log; a few dozen bytes per run.
 *
 * @param runId             the run's id
 * @param ok                whether it finished
 * @param error             the failure's message (null when it finished)
 * @param logZ              log-evidence (NaN when failed)
 * @param logZErr           its standard deviation (NaN when failed)
 * @param prominentModes    prominent modes (0 when failed)
 * @param distinctFunctions distinct functions among the prominent modes (0 when failed)
 * @param wallSeconds       the run's own wall time on its executor
 * @param fullBeatsTopMode  {@link RunOutcome#fullBeatsTopMode()}
 */
record RunHeadline(String runId, boolean ok, String error, double logZ, double logZErr, int prominentModes,
                   int distinctFunctions, double wallSeconds, Boolean fullBeatsTopMode) implements Serializable {

    /** The headline of {@code o}. */
    static RunHeadline of(RunOutcome o) {
        return new RunHeadline(o.runId(), o.ok(), o.error(), o.logZ(), o.logZErr(), o.prominentModes(),
                o.distinctFunctions(), o.wallSeconds(), o.fullBeatsTopMode());
    }
}
