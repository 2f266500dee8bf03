package org.splitbnn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * One row of a generalisation table: how a solution does on a dataset, as the distribution of &lt;log L&gt;/N over
 * its posterior samples.
 *
 * @param runId    the run
 * @param solution "full" or "mode k"
 * @param dataset  {@value GeneralisationRow#TRAIN}, a test set's name, or
 *                 {@value GeneralisationRow#POOLED_TESTS}
 */
public record LogLikelihoodRow(String runId, String solution, String dataset, double mean, double min, double q1,
                               double median, double q3, double max) {

    /** The generalisation table's columns that the rows are made of. */
    public static final List<String> COLUMNS = Table.GENERALISATION.names("run_id", "solution", "dataset", "mean",
            "min", "q1", "median", "q3", "max");

    /** The rows of {@code table}, which has {@link #COLUMNS}. */
    public static List<LogLikelihoodRow> of(ParquetTable table) {
        String[] run = table.strings("run_id");
        String[] solution = table.strings("solution");
        String[] dataset = table.strings("dataset");
        double[] mean = table.doubles("mean");
        double[] min = table.doubles("min");
        double[] q1 = table.doubles("q1");
        double[] median = table.doubles("median");
        double[] q3 = table.doubles("q3");
        double[] max = table.doubles("max");
        List<LogLikelihoodRow> rows = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            rows.add(new LogLikelihoodRow(run[i], solution[i], dataset[i], mean[i], min[i], q1[i],
                    median[i], q3[i], max[i]));
        }
        return rows;
    }

    /** Whether this row is for one of the test sets (not the training set, not the pooled test sets). */
    public boolean isTestSet() {
        return !dataset.equals(GeneralisationRow.TRAIN) && !dataset.equals(GeneralisationRow.POOLED_TESTS);
    }

    /**
     * The mean &lt;log L&gt;/N of {@code solution} averaged over the test sets of {@code rows} (one run's rows);
     * empty without test sets.
     */
    public static OptionalDouble testMean(List<LogLikelihoodRow> rows, String solution) {
        return rows.stream().filter(r -> r.solution.equals(solution) && r.isTestSet())
                .mapToDouble(LogLikelihoodRow::mean).average();
    }
}
