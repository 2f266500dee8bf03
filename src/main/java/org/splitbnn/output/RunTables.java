package org.splitbnn.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.PredictionGrid;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.output.ParquetTable.Booleans;
import org.splitbnn.output.ParquetTable.Column;
import org.splitbnn.output.ParquetTable.Doubles;
import org.splitbnn.output.ParquetTable.Ints;
import org.splitbnn.output.ParquetTable.Strings;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.WeightedPoints;

/**
 * The tables of one run, as written to its Parquet files. Parameter columns carry the parameter names (w11, ..., b2).
 *
 * <ul>
 *   <li>{@code dead}: every dead point in order of death: parameters, {@code logL}, {@code logL_birth} (-infinity for
 *       prior draws), {@code cluster} (the cluster it died in) and {@code log_weight} (normalised over dead and final
 *       live points);</li>
 *   <li>{@code posterior}: the equally weighted samples of each solution (the full posterior, then each prominent
 *       mode): {@code solution}, {@code sample}, parameters, {@code logL} and {@code mode}, the rank
 *       of the sample's mode (0 for a full-posterior sample that died before its cluster split);</li>
 *   <li>{@code modes}: one row per mode: {@code mode}, {@code cluster}, {@code local_log_z}, {@code local_log_z_err},
 *       {@code weight}, {@code prominent}, {@code function} (the rank of the function the mode computes, 0 when not
 *       prominent), then {@code mean_<parameter>} and {@code sd_<parameter>};</li>
 *   <li>{@code generalisation}: the rows of {@link GeneralisationRow} in snake case;</li>
 *   <li>{@code optima}: the distinct optima of the baselines ({@link Baselines.DistinctOptimum} in snake case, the
 *       parameters as columns; {@code matched_mode} and {@code matched_function} 0 when no prominent mode matches);</li>
 *   <li>{@code starts}: every optimiser start ({@link Baselines.StartOutcome}), the parameters as columns;
 *       {@code optimum} 0 when the start did not converge.</li>
 *   <li>{@code predictions}: {@code solution}, {@code x1}, {@code x2}, {@code probability}.</li>
 * </ul>
 */
public final class RunTables {

    private RunTables() {
    }

    /** Every dead point. */
    public static ParquetTable dead(SamplerResult run) {
        WeightedPoints p = run.posterior();
        int n = Math.toIntExact(run.nDead());
        List<Column> columns = parameterColumns(run.parameterNames(), p, n);
        columns.add(new Doubles("logL", Arrays.copyOf(p.logL(), n)));
        columns.add(new Doubles("logL_birth", Arrays.copyOf(p.logLBirth(), n)));
        columns.add(new Ints("cluster", Arrays.copyOf(p.cluster(), n)));
        columns.add(new Doubles("log_weight", Arrays.copyOf(p.logWeight(), n)));
        return new ParquetTable(columns);
    }

    /** The equally weighted samples of every solution, in the order of {@code solutions}. */
    public static ParquetTable posterior(List<String> parameterNames, List<Solution> solutions) {
        int n = solutions.stream().mapToInt(Solution::size).sum();
        int d = parameterNames.size();
        String[] solution = new String[n];
        int[] sample = new int[n];
        double[][] theta = new double[d][n];
        double[] logL = new double[n];
        int[] mode = new int[n];
        int row = 0;
        for (Solution s : solutions) {
            for (int k = 0; k < s.size(); k++, row++) {
                solution[row] = s.name();
                sample[row] = k;
                for (int j = 0; j < d; j++) {
                    theta[j][row] = s.theta()[k][j];
                }
                logL[row] = s.logL()[k];
                mode[row] = s.modes()[k];
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Strings("solution", solution));
        columns.add(new Ints("sample", sample));
        for (int j = 0; j < d; j++) {
            columns.add(new Doubles(parameterNames.get(j), theta[j]));
        }
        columns.add(new Doubles("logL", logL));
        columns.add(new Ints("mode", mode));
        return new ParquetTable(columns);
    }

    /** One row per mode, largest local evidence first. */
    public static ParquetTable modes(List<String> parameterNames, List<ModeReport> modes) {
        int n = modes.size();
        List<Column> columns = new ArrayList<>();
        columns.add(new Ints("mode", modes.stream().mapToInt(ModeReport::mode).toArray()));
        columns.add(new Ints("cluster", modes.stream().mapToInt(ModeReport::clusterId).toArray()));
        columns.add(new Doubles("local_log_z", modes.stream().mapToDouble(ModeReport::localLogZ).toArray()));
        columns.add(new Doubles("local_log_z_err", modes.stream().mapToDouble(ModeReport::localLogZErr).toArray()));
        columns.add(new Doubles("weight", modes.stream().mapToDouble(ModeReport::weight).toArray()));
        boolean[] prominent = new boolean[n];
        for (int k = 0; k < n; k++) {
            prominent[k] = modes.get(k).prominent();
        }
        columns.add(new Booleans("prominent", prominent));
        columns.add(new Ints("function", modes.stream().mapToInt(ModeReport::function).toArray()));
        for (int j = 0; j < parameterNames.size(); j++) {
            int param = j;
            columns.add(new Doubles("mean_" + parameterNames.get(j),
                    modes.stream().mapToDouble(m -> m.mean().get(param)).toArray()));
        }
        for (int j = 0; j < parameterNames.size(); j++) {
            int param = j;
            columns.add(new Doubles("sd_" + parameterNames.get(j),
                    modes.stream().mapToDouble(m -> m.sd().get(param)).toArray()));
        }
        return new ParquetTable(columns);
    }

    /** The generalisation table. */
    public static ParquetTable generalisation(List<GeneralisationRow> rows) {
        return new ParquetTable(List.of(
                new Strings("solution", rows.stream().map(GeneralisationRow::solution).toArray(String[]::new)),
                new Strings("dataset", rows.stream().map(GeneralisationRow::dataset).toArray(String[]::new)),
                new Ints("samples", rows.stream().mapToInt(GeneralisationRow::samples).toArray()),
                new Doubles("mean", rows.stream().mapToDouble(GeneralisationRow::mean).toArray()),
                new Doubles("min", rows.stream().mapToDouble(GeneralisationRow::min).toArray()),
                new Doubles("q1", rows.stream().mapToDouble(GeneralisationRow::q1).toArray()),
                new Doubles("median", rows.stream().mapToDouble(GeneralisationRow::median).toArray()),
                new Doubles("q3", rows.stream().mapToDouble(GeneralisationRow::q3).toArray()),
                new Doubles("max", rows.stream().mapToDouble(GeneralisationRow::max).toArray()),
                new Doubles("predictive_log_likelihood",
                        rows.stream().mapToDouble(GeneralisationRow::predictiveLogLikelihood).toArray()),
                new Doubles("accuracy", rows.stream().mapToDouble(GeneralisationRow::accuracy).toArray()),
                new Doubles("brier", rows.stream().mapToDouble(GeneralisationRow::brier).toArray()),
                new Doubles("ece", rows.stream().mapToDouble(GeneralisationRow::ece).toArray())));
    }

    /** One row per distinct optimum of the baselines, largest log-likelihood first. */
    public static ParquetTable optima(List<String> parameterNames, List<Baselines.DistinctOptimum> optima) {
        int n = optima.size();
        boolean[] positiveDefinite = new boolean[n];
        boolean[] onWall = new boolean[n];
        for (int k = 0; k < n; k++) {
            positiveDefinite[k] = optima.get(k).positiveDefinite();
            onWall[k] = optima.get(k).onWall();
        }
        List<Column> columns = new ArrayList<>(List.of(
                new Ints("optimum", optima.stream().mapToInt(Baselines.DistinctOptimum::optimum).toArray()),
                new Doubles("logL", optima.stream().mapToDouble(Baselines.DistinctOptimum::logL).toArray()),
                new Ints("basin_count", optima.stream().mapToInt(Baselines.DistinctOptimum::basinCount).toArray()),
                new Doubles("basin_fraction",
                        optima.stream().mapToDouble(Baselines.DistinctOptimum::basinFraction).toArray()),
                new Ints("images", optima.stream().mapToInt(Baselines.DistinctOptimum::images).toArray()),
                new Doubles("laplace_log_z",
                        optima.stream().mapToDouble(Baselines.DistinctOptimum::laplaceLogZ).toArray()),
                new Doubles("laplace_log_z_image",
                        optima.stream().mapToDouble(Baselines.DistinctOptimum::laplaceLogZImage).toArray()),
                new Booleans("positive_definite", positiveDefinite),
                new Booleans("on_wall", onWall),
                new Doubles("laplace_weight",
                        optima.stream().mapToDouble(Baselines.DistinctOptimum::laplaceWeight).toArray()),
                new Ints("matched_mode", optima.stream().mapToInt(Baselines.DistinctOptimum::matchedMode).toArray()),
                new Ints("matched_function",
                        optima.stream().mapToInt(Baselines.DistinctOptimum::matchedFunction).toArray()),
                new Doubles("ns_weight", optima.stream().mapToDouble(Baselines.DistinctOptimum::nsWeight)
                        .toArray())));
        columns.addAll(parameters(parameterNames, optima.stream().map(Baselines.DistinctOptimum::theta).toList()));
        return new ParquetTable(columns);
    }

    /** One row per optimiser start of the baselines, in draw order. */
    public static ParquetTable starts(List<String> parameterNames, List<Baselines.StartOutcome> starts) {
        int n = starts.size();
        boolean[] converged = new boolean[n];
        for (int k = 0; k < n; k++) {
            converged[k] = starts.get(k).converged();
        }
        List<Column> columns = new ArrayList<>(List.of(
                new Ints("start", starts.stream().mapToInt(Baselines.StartOutcome::start).toArray()),
                new Ints("optimum", starts.stream().mapToInt(Baselines.StartOutcome::optimum).toArray()),
                new Booleans("converged", converged),
                new Doubles("logL", starts.stream().mapToDouble(Baselines.StartOutcome::logL).toArray()),
                new Doubles("projected_gradient_norm",
                        starts.stream().mapToDouble(Baselines.StartOutcome::projectedGradientNorm).toArray()),
                new Ints("iterations", starts.stream().mapToInt(Baselines.StartOutcome::iterations).toArray())));
        columns.addAll(parameters(parameterNames, starts.stream().map(Baselines.StartOutcome::theta).toList()));
        return new ParquetTable(columns);
    }

    private static List<Column> parameters(List<String> names, List<double[]> rows) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            int param = j;
            columns.add(new Doubles(names.get(j), rows.stream().mapToDouble(theta -> theta[param]).toArray()));
        }
        return columns;
    }

    /** Every prediction grid, one row per solution and cell. */
    public static ParquetTable predictions(List<PredictionGrid> grids) {
        int n = grids.stream().mapToInt(PredictionGrid::size).sum();
        String[] solution = new String[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] p = new double[n];
        int row = 0;
        for (PredictionGrid g : grids) {
            Arrays.fill(solution, row, row + g.size(), g.solution());
            System.arraycopy(g.x1(), 0, x1, row, g.size());
            System.arraycopy(g.x2(), 0, x2, row, g.size());
            System.arraycopy(g.probability(), 0, p, row, g.size());
            row += g.size();
        }
        return new ParquetTable(List.of(new Strings("solution", solution), new Doubles("x1", x1),
                new Doubles("x2", x2), new Doubles("probability", p)));
    }

    /** All seven tables of a result, by file stem. */
    public static Map<String, ParquetTable> all(ExperimentResult result) {
        List<String> names = result.sampler().parameterNames();
        Map<String, ParquetTable> tables = new LinkedHashMap<>();
        tables.put("dead", dead(result.sampler()));
        tables.put("posterior", posterior(names, result.solutions()));
        tables.put("modes", modes(names, result.modes()));
        tables.put("generalisation", generalisation(result.generalisation()));
        tables.put("predictions", predictions(result.predictions()));
        tables.put("optima", optima(names, result.baselines().optima()));
        tables.put("starts", starts(names, result.baselines().starts()));
        return tables;
    }

    private static List<Column> parameterColumns(List<String> names, WeightedPoints p, int n) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = p.theta(i, j);
            }
            columns.add(new Doubles(names.get(j), values));
        }
        return columns;
    }
}
