package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.splitbnn.analysis.claims.StudyRun;

/**
 * A finished run's study record ({@link StudyRun}), read from its rows of the {@code runs}, {@code modes},
 * {@code generalisation} and {@code optima} tables, so that the claims follow from exactly what the tables hold.
 */
final class StudyRuns {

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
        Row run = outcome.rows(Tables.RUNS).get(0);
        Integer functions = (Integer) run.get(index(Tables.RUNS, "n_distinct_functions"));
        List<Row> prominent = outcome.rows(Tables.MODES).stream()
                .filter(m -> Boolean.TRUE.equals(m.get(index(Tables.MODES, "prominent"))))
                .sorted(Comparator.comparingInt(m -> m.getInt(index(Tables.MODES, "mode")))).toList();
        List<Integer> modeFunctions = prominent.stream()
                .map(m -> (Integer) m.get(index(Tables.MODES, "function"))).toList();
        Set<String> tests = Set.copyOf(spec.tests().stream().map(DatasetSource::name).toList());
        Map<String, double[]> sums = new TreeMap<>();
        for (Row g : outcome.rows(Tables.GENERALISATION)) {
            if (tests.contains(g.getString(index(Tables.GENERALISATION, "dataset")))) {
                double[] sum = sums.computeIfAbsent(g.getString(index(Tables.GENERALISATION, "solution")),
                        k -> new double[2]);
                sum[0] += g.getDouble(index(Tables.GENERALISATION, "predictive_log_likelihood"));
                sum[1]++;
            }
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((solution, sum) -> means.put(solution, sum[0] / sum[1]));
        List<StudyRun.MatchedOptimum> matched = new ArrayList<>();
        for (Row o : outcome.rows(Tables.OPTIMA)) {
            Integer function = (Integer) o.get(index(Tables.OPTIMA, "matched_function"));
            if (function != null && function > 0) {
                matched.add(new StudyRun.MatchedOptimum(function, o.getDouble(index(Tables.OPTIMA, "ns_weight")),
                        o.getDouble(index(Tables.OPTIMA, "basin_fraction")),
                        o.getDouble(index(Tables.OPTIMA, "laplace_log_z"))));
            }
        }
        return new StudyRun(spec.condition(), spec.train().name(), spec.train().size(), spec.samplerSeed(),
                outcome.prominentModes(), functions, modeFunctions.contains(null) ? List.of() : modeFunctions,
                means, matched);
    }

    private static int index(Tables table, String column) {
        return table.schema().fieldIndex(column);
    }
}
