package org.splitbnn.pipeline;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

/**
 * What one run sends back to the driver and what the driver commits: a few headline numbers for the progress line
 * and the run's rows of every per-run table (spec columns included). A failed run has one {@code runs} row with
 * status {@code failed} and nothing else.
 *
 * @param runId            the run's id
 * @param ok               whether the run finished
 * @param error            the failure's message, or null
 * @param logZ             log-evidence (NaN when failed)
 * @param logZErr          its standard deviation (NaN when failed)
 * @param prominentModes   prominent modes (0 when failed)
 * @param distinctFunctions distinct functions among the prominent modes (0 when failed)
 * @param wallSeconds      the run's own wall time on its executor (datasets, sampling, analysis)
 * @param fullBeatsTopMode whether the full solution's mean &lt;log L&gt;/N, averaged over the test sets, exceeds
 *                         mode 1's (the highest-evidence mode); null when failed or without test sets
 * @param rows             rows per table
 */
public record RunOutcome(String runId, boolean ok, String error, double logZ, double logZErr, int prominentModes,
                         int distinctFunctions,
                         double wallSeconds, Boolean fullBeatsTopMode,
                         Map<Tables, List<Row>> rows) implements Serializable {

    /** Copies the rows into serializable collections. */
    public RunOutcome {
        EnumMap<Tables, List<Row>> copy = new EnumMap<>(Tables.class);
        rows.forEach((table, list) -> copy.put(table, List.copyOf(list)));
        rows = copy;
    }

    /** The run's rows of {@code table} (empty when it has none). */
    public List<Row> rows(Tables table) {
        return rows.getOrDefault(table, List.of());
    }
}
