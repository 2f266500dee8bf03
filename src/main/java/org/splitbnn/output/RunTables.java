package org.splitbnn.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.PredictionGrid;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.output.ParquetTable.Booleans;
import org.splitbnn.output.ParquetTable.Column;
import org.splitbnn.output.ParquetTable.DoubleLists;
import org.splitbnn.output.ParquetTable.Doubles;
import org.splitbnn.output.ParquetTable.Ints;
import org.splitbnn.output.ParquetTable.Longs;
import org.splitbnn.output.ParquetTable.Strings;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.WeightedPoints;

/**
 * The tables of one run's folder, with the columns of the table contract ({@link Table}): the spec columns, then
 * {@code dead} (every dead point in order of death), {@code posterior} (the full solution's equally weighted samples),
 * {@code modes}, {@code generalisation}, {@code optima}, {@code starts} and {@code predictions}, each as a sweep's table holds the run's rows.
 */
public final class RunTables {

    /** The tables of a run folder, in the order they are written. */
    public static final List<Table> TABLES = List.of(Table.DEAD, Table.POSTERIOR, Table.MODES, Table.GENERALISATION,
            Table.OPTIMA, Table.STARTS, Table.PREDICTIONS);

    private RunTables() {
    }

    /** Every table of a run's folder. */
    public static Map<Table, ParquetTable> all(String runId, String train, RunSettings settings,
                                               ExperimentResult result) {
        return of(runId, train, settings, result, TABLES);
    }

    /**
     * The run's tables of {@code tables} (any of {@link #TABLES}), each with its spec columns: the one definition of
     * a run's rows, which a run folder writes and a sweep commits.
     */
    public static Map<Table, ParquetTable> of(String runId, String train, RunSettings settings,
                                              ExperimentResult result, List<Table> tables) {
        Map<Table, ParquetTable> out = new EnumMap<>(Table.class);
        for (Table t : tables) {
            List<Column> own = switch (t) {
                case DEAD -> dead(result.sampler());
                case POSTERIOR -> posterior(result.solutions().get(0));
                case MODES -> modes(result.modes());
                case GENERALISATION -> generalisation(result.generalisation());
                case OPTIMA -> optima(result.baselines().optima());
                case STARTS -> starts(result.baselines().starts());
                case PREDICTIONS -> predictions(result.predictions());
                default -> throw new IllegalArgumentException("a run folder has no table " + t.folder());
            };
            out.put(t, withSpec(t, runId, train, settings, own));
        }
        return out;
    }

    private static ParquetTable withSpec(Table t, String runId, String train, RunSettings settings,
                                         List<Column> own) {
        List<Column> columns = spec(runId, train, settings, own.get(0).size());
        columns.addAll(own);
        List<String> names = columns.stream().map(Column::name).toList();
        if (!names.equals(t.names())) {
            throw new IllegalStateException("table " + t.folder() + ": columns " + names + " differ from the "
                    + "contract's " + t.names());
        }
        return new ParquetTable(columns);
    }

    /** The spec columns of {@code rows} rows. */
    private static List<Column> spec(String runId, String train, RunSettings settings, int rows) {
        List<Column> columns = new ArrayList<>();
        for (Table.Column c : Table.SPEC) {
            Object v = c.name().equals("run_id") ? runId : c.name().equals("train") ? train : settings.get(c.name());
            columns.add(switch (c.type()) {
                case STRING -> {
                    String[] a = new String[rows];
                    Arrays.fill(a, (String) v);
                    yield new Strings(c.name(), a);
                }
                case INT -> {
                    int[] a = new int[rows];
                    Arrays.fill(a, (Integer) v);
                    yield new Ints(c.name(), a);
                }
                case LONG -> {
                    long[] a = new long[rows];
                    Arrays.fill(a, (Long) v);
                    yield new Longs(c.name(), a);
                }
                case DOUBLE -> {
                    double[] a = new double[rows];
                    Arrays.fill(a, (Double) v);
                    yield new Doubles(c.name(), a);
                }
                default -> throw new IllegalStateException("a spec column of type " + c.type());
            });
        }
        return columns;
    }

    private static List<Column> dead(SamplerResult run) {
        WeightedPoints p = run.posterior();
        int n = Math.toIntExact(run.nDead());
        double[][] theta = new double[n][];
        for (int i = 0; i < n; i++) {
            theta[i] = new double[p.dimension()];
            for (int j = 0; j < theta[i].length; j++) {
                theta[i][j] = p.theta(i, j);
            }
        }
        return List.of(new DoubleLists("theta", theta), new Doubles("log_l", Arrays.copyOf(p.logL(), n)),
                new Doubles("log_l_birth", Arrays.copyOf(p.logLBirth(), n)),
                new Ints("cluster_id", Arrays.copyOf(p.cluster(), n)),
                new Doubles("log_weight", Arrays.copyOf(p.logWeight(), n)));
    }

    /** The full solution's samples; a sample that died before its mode split has no mode. */
    private static List<Column> posterior(Solution full) {
        int n = full.size();
        int[] mode = Arrays.stream(full.modes()).map(m -> m == 0 ? Ints.MISSING : m).toArray();
        double[][] theta = Arrays.stream(full.theta()).map(double[]::clone).toArray(double[][]::new);
        return List.of(new Ints("sample", java.util.stream.IntStream.range(0, n).toArray()), new Ints("mode", mode),
                new Doubles("log_l", full.logL().clone()), new DoubleLists("theta", theta));
    }

    private static List<Column> modes(List<ModeReport> modes) {
        boolean[] prominent = new boolean[modes.size()];
        for (int k = 0; k < modes.size(); k++) {
            prominent[k] = modes.get(k).prominent();
        }
        return List.of(new Ints("mode", modes.stream().mapToInt(ModeReport::mode).toArray()),
                new Ints("cluster_id", modes.stream().mapToInt(ModeReport::clusterId).toArray()),
                new Doubles("local_log_z", modes.stream().mapToDouble(ModeReport::localLogZ).toArray()),
                new Doubles("local_log_z_err", modes.stream().mapToDouble(ModeReport::localLogZErr).toArray()),
                new Doubles("weight", modes.stream().mapToDouble(ModeReport::weight).toArray()),
                new Booleans("prominent", prominent),
                new Ints("function", modes.stream().mapToInt(ModeReport::function).toArray()),
                new DoubleLists("mean", modes.stream().map(m -> doubles(m.mean())).toArray(double[][]::new)),
                new DoubleLists("sd", modes.stream().map(m -> doubles(m.sd())).toArray(double[][]::new)));
    }

    private static List<Column> generalisation(List<GeneralisationRow> rows) {
        return List.of(
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
                new Doubles("ece", rows.stream().mapToDouble(GeneralisationRow::ece).toArray()));
    }

    /** One row per distinct optimum of the baselines, largest log-likelihood first. */
    private static List<Column> optima(List<Baselines.DistinctOptimum> optima) {
        int n = optima.size();
        boolean[] positiveDefinite = new boolean[n];
        boolean[] onWall = new boolean[n];
        for (int k = 0; k < n; k++) {
            positiveDefinite[k] = optima.get(k).positiveDefinite();
            onWall[k] = optima.get(k).onWall();
        }
        return List.of(
                new Ints("optimum", optima.stream().mapToInt(Baselines.DistinctOptimum::optimum).toArray()),
                new Doubles("log_l", optima.stream().mapToDouble(Baselines.DistinctOptimum::logL).toArray()),
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
                new Ints("matched_mode", missingWhenZero(optima.stream()
                        .mapToInt(Baselines.DistinctOptimum::matchedMode).toArray())),
                new Ints("matched_function", missingWhenZero(optima.stream()
                        .mapToInt(Baselines.DistinctOptimum::matchedFunction).toArray())),
                new Doubles("ns_weight", optima.stream().mapToDouble(Baselines.DistinctOptimum::nsWeight)
                        .toArray()),
                new DoubleLists("theta", optima.stream().map(o -> o.theta().clone()).toArray(double[][]::new)));
    }

    /** One row per optimiser start of the baselines, in draw order. */
    private static List<Column> starts(List<Baselines.StartOutcome> starts) {
        boolean[] converged = new boolean[starts.size()];
        for (int k = 0; k < converged.length; k++) {
            converged[k] = starts.get(k).converged();
        }
        return List.of(
                new Ints("start", starts.stream().mapToInt(Baselines.StartOutcome::start).toArray()),
                new Ints("optimum", missingWhenZero(starts.stream().mapToInt(Baselines.StartOutcome::optimum)
                        .toArray())),
                new Booleans("converged", converged),
                new Doubles("log_l", starts.stream().mapToDouble(Baselines.StartOutcome::logL).toArray()),
                new Doubles("projected_gradient_norm",
                        starts.stream().mapToDouble(Baselines.StartOutcome::projectedGradientNorm).toArray()),
                new Ints("iterations", starts.stream().mapToInt(Baselines.StartOutcome::iterations).toArray()),
                new DoubleLists("theta", starts.stream().map(o -> o.theta().clone()).toArray(double[][]::new)));
    }

    /** Ranks where 0 means none, with none as a missing (null) value, as the sweep's tables hold them. */
    private static int[] missingWhenZero(int[] values) {
        return java.util.Arrays.stream(values).map(v -> v == 0 ? Ints.MISSING : v).toArray();
    }

    private static List<Column> predictions(List<PredictionGrid> grids) {
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
        return List.of(new Strings("solution", solution), new Doubles("x1", x1), new Doubles("x2", x2),
                new Doubles("probability", p));
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
