package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.output.Table;

/**
 * A finished run's study record ({@link StudyRun}), read from its rows of the {@code runs}, {@code modes},
 * {@code generalisation} and {@code optima} tables, so that the claims follow from exactly what the tables hold.
 */
final class StudyRuns {

    /** The tables a run's record is read from. */
    static final List<Table> TABLES = List.of(Table.RUNS, Table.MODES, Table.GENERALISATION, Table.OPTIMA);

    private StudyRuns() {
    }

    /**
     * The record of run {@code spec}, or null when it did not finish. Each solution's test value is the mean over
     * the run's test sets of its predictive log-likelihood per row (the training set and the pooled row left out);
     * the matched optima are those with a {@code matched_function}.
     */
    static StudyRun of(RunSpec spec, RunOutcome outcome) {
        if (outcome == null || !outcome.ok()) {
            return null;
        }
        Row run = outcome.rows(Table.RUNS).get(0);
        Integer functions = (Integer) run.get(index(Table.RUNS, "n_distinct_functions"));
        List<Row> prominent = outcome.rows(Table.MODES).stream()
                .filter(m -> Boolean.TRUE.equals(m.get(index(Table.MODES, "prominent"))))
                .sorted(Comparator.comparingInt(m -> m.getInt(index(Table.MODES, "mode")))).toList();
        List<Integer> modeFunctions = prominent.stream()
                .map(m -> (Integer) m.get(index(Table.MODES, "function"))).toList();
        Set<String> tests = Set.copyOf(spec.tests().stream().map(DatasetSource::name).toList());
        Map<String, double[]> sums = new TreeMap<>();
        for (Row g : outcome.rows(Table.GENERALISATION)) {
            if (tests.contains(g.getString(index(Table.GENERALISATION, "dataset")))) {
                double[] sum = sums.computeIfAbsent(g.getString(index(Table.GENERALISATION, "solution")),
                        k -> new double[2]);
                sum[0] += g.getDouble(index(Table.GENERALISATION, "predictive_log_likelihood"));
                sum[1]++;
            }
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((solution, sum) -> means.put(solution, sum[0] / sum[1]));
        List<StudyRun.MatchedOptimum> matched = new ArrayList<>();
        for (Row o : outcome.rows(Table.OPTIMA)) {
            Integer function = (Integer) o.get(index(Table.OPTIMA, "matched_function"));
            if (function != null && function > 0) {
                matched.add(new StudyRun.MatchedOptimum(function, o.getDouble(index(Table.OPTIMA, "ns_weight")),
                        o.getDouble(index(Table.OPTIMA, "basin_fraction")),
                        o.getDouble(index(Table.OPTIMA, "laplace_log_z"))));
            }
        }
        return new StudyRun(spec.condition(), spec.train().name(), spec.train().size(), spec.settings().samplerSeed(),
                outcome.logZ(), outcome.prominentModes(), functions,
                modeFunctions.contains(null) ? List.of() : modeFunctions, means, matched);
    }

    private static int index(Table table, String column) {
        return table.index(column);
    }
}
