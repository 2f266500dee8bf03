package org.splitbnn.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * A solution's prediction grid: the posterior-mean p(y = 1 | x) on a regular grid of (x1, x2).
 *
 * @param solution    "full" or "mode k"
 * @param x1          first input of each cell
 * @param x2          second input of each cell
 * @param probability p(y = 1 | x) of each cell
 */
public record PredictionMap(String solution, double[] x1, double[] x2, double[] probability) {

    /** The predictions table's columns that the maps are made of. */
    public static final List<String> COLUMNS = Table.PREDICTIONS.names("run_id", "solution", "x1", "x2",
            "probability");

    /** The maps of a predictions table (with {@link #COLUMNS}), by solution, in the table's order. */
    public static Map<String, PredictionMap> of(ParquetTable table) {
        String[] solution = table.strings("solution");
        double[] x1 = table.doubles("x1");
        double[] x2 = table.doubles("x2");
        double[] p = table.doubles("probability");
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < table.rows(); i++) {
            rows.computeIfAbsent(solution[i], k -> new ArrayList<>()).add(i);
        }
        Map<String, PredictionMap> maps = new LinkedHashMap<>();
        rows.forEach((name, idx) -> maps.put(name, new PredictionMap(name,
                idx.stream().mapToDouble(i -> x1[i]).toArray(), idx.stream().mapToDouble(i -> x2[i]).toArray(),
                idx.stream().mapToDouble(i -> p[i]).toArray())));
        return maps;
    }

    /** The grid's spacing: the smallest gap between distinct x1 values (1 for a single column). */
    public double step() {
        double[] sorted = Arrays.stream(x1).distinct().sorted().toArray();
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            step = Math.min(step, sorted[i] - sorted[i - 1]);
        }
        return Double.isFinite(step) ? step : 1;
    }
}
