package org.splitbnn.pipeline;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.splitbnn.output.Table;
import org.apache.spark.sql.Row;
import org.splitbnn.analysis.Solution;

/**
 * What one run sends back to the driver and what the driver commits: the run's rows of every per-run table (spec
 * columns included). A failed run has one {@code runs} row with status {@code failed} and nothing else. The headline
 * numbers (status, log Z, prominent modes, ...) are read from the rows, so a committed outcome read back is the same
 * outcome.
 *
 * @param runId the run's id
 * @param rows  rows per table
 */
public record RunOutcome(String runId, Map<Table, List<Row>> rows) implements Serializable {

    /** Copies the rows into serializable collections. */
    public RunOutcome {
        EnumMap<Table, List<Row>> copy = new EnumMap<>(Table.class);
        rows.forEach((table, list) -> copy.put(table, List.copyOf(list)));
        rows = copy;
        int runRows = copy.getOrDefault(Table.RUNS, List.of()).size();
        if (runRows != 1) {
            throw new IllegalArgumentException("run " + runId + " has " + runRows + " rows in the runs table, "
                    + "expected 1");
        }
    }

    /** The run's rows of {@code table} (empty when it has none). */
    public List<Row> rows(Table table) {
        return rows.getOrDefault(table, List.of());
    }

    /** Whether the run finished. */
    public boolean ok() {
        return RunRows.OK.equals(run("status"));
    }

    /** The failure's message, or null. */
    public String error() {
        return (String) run("error");
    }

    /** Log-evidence (NaN when failed). */
    public double logZ() {
        return number("log_z");
    }

    /** Its standard deviation (NaN when failed). */
    public double logZErr() {
        return number("log_z_err");
    }

    /** Prominent modes (0 when failed). */
    public int prominentModes() {
        Object v = run("n_prominent_modes");
        return v == null ? 0 : (Integer) v;
    }

    /** Distinct functions among the prominent modes (0 when failed). */
    public int distinctFunctions() {
        Object v = run("n_distinct_functions");
        return v == null ? 0 : (Integer) v;
    }

    /** The run's own wall time on its executor (datasets, sampling, analysis). */
    public double wallSeconds() {
        return number("wall_seconds");
    }

    /**
     * Whether the full solution's mean &lt;log L&gt;/N, averaged over the test sets, exceeds mode 1's (the
     * highest-evidence mode); null when failed or without test sets.
     */
    public Boolean fullBeatsTopMode() {
        if (!ok()) {
            return null;
        }
        Object tests = run("tests");
        List<String> names = tests instanceof String[] a ? List.of(a) : tests instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        return fullBeatsTopMode(rows(Table.GENERALISATION), names);
    }

    /**
     * Whether the full solution's mean &lt;log L&gt;/N, averaged over the test sets {@code tests}, exceeds mode 1's,
     * from a run's rows of the generalisation table; null without test sets or without a mode 1.
     */
    static Boolean fullBeatsTopMode(List<Row> generalisation, List<String> tests) {
        OptionalDouble full = testAverage(generalisation, Solution.FULL, tests);
        OptionalDouble top = testAverage(generalisation, Solution.modeName(1), tests);
        return full.isPresent() && top.isPresent() ? full.getAsDouble() > top.getAsDouble() : null;
    }

    private static OptionalDouble testAverage(List<Row> rows, String solution, List<String> tests) {
        int s = Table.GENERALISATION.index("solution");
        int d = Table.GENERALISATION.index("dataset");
        int mean = Table.GENERALISATION.index("mean");
        return rows.stream().filter(g -> g.getString(s).equals(solution) && tests.contains(g.getString(d)))
                .mapToDouble(g -> g.getDouble(mean)).average();
    }

    private Object run(String column) {
        return rows(Table.RUNS).get(0).get(Table.RUNS.index(column));
    }

    private double number(String column) {
        Object v = run(column);
        return v == null ? Double.NaN : (Double) v;
    }
}
