package org.splitbnn.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.RunSettings;

/**
 * The table contract: every table splitbnn writes, with its name and columns, declared once and used by the
 * {@code run} command (its Parquet files), the sweep (its table folders and commit log) and the report (its readers).
 * The per-run tables start with the {@link #SPEC} columns: {@code run_id}, {@code train}, then one column per run
 * setting ({@link RunSettings#SETTINGS}). The README's "Tables" section describes every column.
 */
public enum Table {

    /** One row per run: evidence, counts, time, where it ran, and whether it failed. */
    RUNS("runs", true, List.of(
            Column.of("train_sha256", ColumnType.STRING),
            Column.of("train_counts", ColumnType.INT_LIST),
            Column.of("train_noise_variance", ColumnType.DOUBLE),
            Column.of("train_size", ColumnType.INT),
            Column.of("train_inputs", ColumnType.INT),
            Column.of("tests", ColumnType.STRING_LIST),
            Column.of("status", ColumnType.STRING),
            Column.of("error", ColumnType.STRING),
            Column.of("log_z", ColumnType.DOUBLE),
            Column.of("log_z_err", ColumnType.DOUBLE),
            Column.of("log_prior_volume_fraction", ColumnType.DOUBLE),
            Column.of("kl_divergence", ColumnType.DOUBLE),
            Column.of("n_clusters", ColumnType.INT),
            Column.of("n_modes", ColumnType.INT),
            Column.of("n_prominent_modes", ColumnType.INT),
            Column.of("n_distinct_functions", ColumnType.INT),
            Column.of("n_likelihood_calls", ColumnType.LONG),
            Column.of("n_outside_support", ColumnType.LONG),
            Column.of("n_dead", ColumnType.LONG),
            Column.of("sampler_seconds", ColumnType.DOUBLE),
            Column.of("wall_seconds", ColumnType.DOUBLE),
            Column.of("executor_host", ColumnType.STRING),
            Column.of("executor_id", ColumnType.STRING),
            Column.of("splitbnn_version", ColumnType.STRING),
            Column.of("parameters", ColumnType.STRING_LIST),
            Column.of(Table.FIGURES, ColumnType.BOOLEAN))),

    /** One row per mode of a run, largest local evidence first. */
    MODES("modes", true, List.of(
            Column.of("mode", ColumnType.INT),
            Column.of("cluster_id", ColumnType.INT),
            Column.of("local_log_z", ColumnType.DOUBLE),
            Column.of("local_log_z_err", ColumnType.DOUBLE),
            Column.of("weight", ColumnType.DOUBLE),
            Column.of("prominent", ColumnType.BOOLEAN),
            Column.of("function", ColumnType.INT),
            Column.of("mean", ColumnType.DOUBLE_LIST),
            Column.of("sd", ColumnType.DOUBLE_LIST))),

    /** One row per solution (full, mode k) and dataset (train, test names, tests_pooled). */
    GENERALISATION("generalisation", true, List.of(
            Column.of("solution", ColumnType.STRING),
            Column.of("dataset", ColumnType.STRING),
            Column.of("samples", ColumnType.INT),
            Column.of("mean", ColumnType.DOUBLE),
            Column.of("min", ColumnType.DOUBLE),
            Column.of("q1", ColumnType.DOUBLE),
            Column.of("median", ColumnType.DOUBLE),
            Column.of("q3", ColumnType.DOUBLE),
            Column.of("max", ColumnType.DOUBLE),
            Column.of("predictive_log_likelihood", ColumnType.DOUBLE),
            Column.of("accuracy", ColumnType.DOUBLE),
            Column.of("brier", ColumnType.DOUBLE),
            Column.of("ece", ColumnType.DOUBLE))),

    /** One row per distinct optimum of a run's baselines, largest log-likelihood first. */
    OPTIMA("optima", true, List.of(
            Column.of("optimum", ColumnType.INT),
            Column.of("log_l", ColumnType.DOUBLE),
            Column.of("basin_count", ColumnType.INT),
            Column.of("basin_fraction", ColumnType.DOUBLE),
            Column.of("images", ColumnType.INT),
            Column.of("laplace_log_z", ColumnType.DOUBLE),
            Column.of("laplace_log_z_image", ColumnType.DOUBLE),
            Column.of("positive_definite", ColumnType.BOOLEAN),
            Column.of("on_wall", ColumnType.BOOLEAN),
            Column.of("laplace_weight", ColumnType.DOUBLE),
            Column.of("matched_mode", ColumnType.INT),
            Column.of("matched_function", ColumnType.INT),
            Column.of("ns_weight", ColumnType.DOUBLE),
            Column.of("theta", ColumnType.DOUBLE_LIST))),

    /** One row per optimiser start of a run's baselines. */
    STARTS("starts", true, List.of(
            Column.of("start", ColumnType.INT),
            Column.of("optimum", ColumnType.INT),
            Column.of("converged", ColumnType.BOOLEAN),
            Column.of("log_l", ColumnType.DOUBLE),
            Column.of("projected_gradient_norm", ColumnType.DOUBLE),
            Column.of("iterations", ColumnType.INT),
            Column.of("theta", ColumnType.DOUBLE_LIST))),

    /** Equally weighted samples of the full posterior, with the mode each belongs to. */
    POSTERIOR("posterior", true, List.of(
            Column.of("sample", ColumnType.INT),
            Column.of("mode", ColumnType.INT),
            Column.of("log_l", ColumnType.DOUBLE),
            Column.of("theta", ColumnType.DOUBLE_LIST))),

    /** Mean predicted probability per grid cell, per solution. */
    PREDICTIONS("predictions", true, List.of(
            Column.of("solution", ColumnType.STRING),
            Column.of("x1", ColumnType.DOUBLE),
            Column.of("x2", ColumnType.DOUBLE),
            Column.of("probability", ColumnType.DOUBLE))),

    /** Every dead point of a run, in order of death (the run folder only). */
    DEAD("dead", true, List.of(
            Column.of("theta", ColumnType.DOUBLE_LIST),
            Column.of("log_l", ColumnType.DOUBLE),
            Column.of("log_l_birth", ColumnType.DOUBLE),
            Column.of("cluster_id", ColumnType.INT),
            Column.of("log_weight", ColumnType.DOUBLE))),

    /** Per prior and sampler setting of a sweep: run counts, log Z statistics, mode counts, full against mode 1. */
    SUMMARY("summary", false, List.of(
            Column.of(RunSettings.setting("prior")),
            Column.of(RunSettings.setting("nlive")),
            Column.of(RunSettings.setting("nprior")),
            Column.of(RunSettings.setting("num_repeats")),
            Column.of(RunSettings.setting("sampler")),
            Column.of(RunSettings.setting("hidden")),
            Column.of("runs", ColumnType.INT),
            Column.of("runs_ok", ColumnType.INT),
            Column.of("runs_failed", ColumnType.INT),
            Column.of("log_z_mean", ColumnType.DOUBLE),
            Column.of("log_z_seed_sd", ColumnType.DOUBLE),
            Column.of("log_z_err_mean", ColumnType.DOUBLE),
            Column.of("prominent_modes_mean", ColumnType.DOUBLE),
            Column.of("prominent_modes_min", ColumnType.INT),
            Column.of("prominent_modes_median", ColumnType.DOUBLE),
            Column.of("prominent_modes_max", ColumnType.INT),
            Column.of("prominent_mode_counts", ColumnType.INT_INT_MAP),
            Column.of("distinct_functions_mean", ColumnType.DOUBLE),
            Column.of("distinct_function_counts", ColumnType.INT_INT_MAP),
            Column.of("runs_compared", ColumnType.INT),
            Column.of("full_beats_top_mode", ColumnType.INT),
            Column.of("full_beats_top_mode_fraction", ColumnType.DOUBLE))),

    /**
     * Per claim of the paper and condition of a sweep: the statistic, its bootstrap interval over training sets, the
     * verdict and, for a condition run at two or more sampler settings, whether the verdict has converged ({@code
     * org.splitbnn.analysis.claims}; the README's "Claims" section).
     */
    CLAIMS("claims", false, List.of(
            Column.of("claim", ColumnType.STRING),
            Column.of("prior", ColumnType.STRING),
            Column.of("dataset", ColumnType.STRING),
            Column.of("counts", ColumnType.INT_LIST),
            Column.of("train_size", ColumnType.INT),
            Column.of("noise_variance", ColumnType.DOUBLE),
            Column.of("hidden", ColumnType.INT),
            Column.of("prior_half_width", ColumnType.DOUBLE),
            Column.of("nlive", ColumnType.INT),
            Column.of("repeats_per_dimension", ColumnType.DOUBLE),
            Column.of("sampler", ColumnType.STRING),
            Column.of("training_sets", ColumnType.INT),
            Column.of("runs", ColumnType.INT),
            Column.of("statistic", ColumnType.STRING),
            Column.of("estimate", ColumnType.DOUBLE),
            Column.of("ci_low", ColumnType.DOUBLE),
            Column.of("ci_high", ColumnType.DOUBLE),
            Column.of("threshold", ColumnType.DOUBLE),
            Column.of("claimed_side", ColumnType.STRING),
            Column.of("verdict", ColumnType.STRING),
            Column.of("convergence", ColumnType.STRING))),

    /** The points of each training set of a sweep's runs marked for figures. */
    TRAINING_POINTS("training_points", false, List.of(
            Column.of("train", ColumnType.STRING),
            Column.of("train_sha256", ColumnType.STRING),
            Column.of("x1", ColumnType.DOUBLE),
            Column.of("x2", ColumnType.DOUBLE),
            Column.of("y", ColumnType.INT)));

    /** The types of columns. */
    public enum ColumnType { STRING, INT, LONG, DOUBLE, BOOLEAN, STRING_LIST, INT_LIST, DOUBLE_LIST, INT_INT_MAP }

    /**
     * A column.
     *
     * @param name its name
     * @param type its type
     */
    public record Column(String name, ColumnType type) {

        /** The column {@code name} of type {@code type}. */
        public static Column of(String name, ColumnType type) {
            return new Column(name, type);
        }

        /** The column of a run setting. */
        public static Column of(RunSettings.Setting s) {
            ColumnType type = s.type() == String.class ? ColumnType.STRING : s.type() == Integer.class
                    ? ColumnType.INT : s.type() == Long.class ? ColumnType.LONG : ColumnType.DOUBLE;
            return new Column(s.key(), type);
        }
    }

    /** The spec columns that lead every per-run table: the run id, the training set's name, every run setting. */
    public static final List<Column> SPEC = spec();

    /**
     * The runs table's last column: whether the sweep's configuration marks the run for figures. It belongs to the
     * sweep, not to the run: a run's committed row lacks it and each invocation sets it.
     */
    public static final String FIGURES = "figures";

    private final String folder;
    private final boolean perRun;
    private final List<Column> own;

    /** Every column and each column's position, made on first use (the spec columns are not set when it is built). */
    private volatile Layout layout;

    private record Layout(List<Column> columns, List<String> names, Map<String, Integer> positions) {
    }

    Table(String folder, boolean perRun, List<Column> own) {
        this.folder = folder;
        this.perRun = perRun;
        this.own = own;
    }

    /** The table's name: its folder in a sweep, its file stem ({@code NAME.parquet}) in a run folder. */
    public String folder() {
        return folder;
    }

    /** Whether the table has rows per run, led by the {@link #SPEC} columns. */
    public boolean perRun() {
        return perRun;
    }

    /** The table's own columns, after the spec columns of a per-run table. */
    public List<Column> own() {
        return own;
    }

    /** Every column, in order. */
    public List<Column> columns() {
        return layout().columns();
    }

    /** The names of every column, in order. */
    public List<String> names() {
        return layout().names();
    }

    /** The position of the column {@code name}. */
    public int index(String name) {
        Integer i = layout().positions().get(name);
        if (i == null) {
            throw new IllegalArgumentException("table " + folder + " has no column '" + name + "'");
        }
        return i;
    }

    private Layout layout() {
        Layout l = layout;
        if (l == null) {
            List<Column> all = new ArrayList<>(perRun ? SPEC : List.of());
            all.addAll(own);
            List<String> names = all.stream().map(Column::name).toList();
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                positions.putIfAbsent(names.get(i), i);
            }
            l = new Layout(List.copyOf(all), names, Map.copyOf(positions));
            layout = l;
        }
        return l;
    }

    /**
     * The given column names, checked to be columns of this table (readers name the columns they read through it,
     * so that a column they expect cannot drift from the contract).
     */
    public List<String> names(String... names) {
        for (String n : names) {
            index(n);
        }
        return List.of(names);
    }

    private static List<Column> spec() {
        List<Column> spec = new ArrayList<>(List.of(Column.of("run_id", ColumnType.STRING),
                Column.of("train", ColumnType.STRING)));
        RunSettings.SETTINGS.forEach(s -> spec.add(Column.of(s)));
        return List.copyOf(spec);
    }
}
