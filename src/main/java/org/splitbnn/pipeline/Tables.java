package org.splitbnn.pipeline;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The sweep's tables: their folder names and Parquet schemas. Every per-run table starts with the spec columns
 * ({@link #SPEC}); the README's "Sweeps" section documents each column.
 */
public enum Tables {

    /** One row per run: evidence, counts, time, where it ran, and whether it failed. */
    RUNS("runs", struct(
            field("train_sha256", DataTypes.StringType),
            field("tests", DataTypes.createArrayType(DataTypes.StringType)),
            field("prior_half_width", DataTypes.DoubleType),
            field("prominence", DataTypes.DoubleType),
            field("posterior_samples", DataTypes.IntegerType),
            field("status", DataTypes.StringType),
            field("error", DataTypes.StringType),
            field("log_z", DataTypes.DoubleType),
            field("log_z_err", DataTypes.DoubleType),
            field("log_prior_volume_fraction", DataTypes.DoubleType),
            field("kl_divergence", DataTypes.DoubleType),
            field("n_clusters", DataTypes.IntegerType),
            field("n_prominent_modes", DataTypes.IntegerType),
            field("n_likelihood_calls", DataTypes.LongType),
            field("n_outside_support", DataTypes.LongType),
            field("n_dead", DataTypes.LongType),
            field("sampler_seconds", DataTypes.DoubleType),
            field("wall_seconds", DataTypes.DoubleType),
            field("executor_host", DataTypes.StringType),
            field("executor_id", DataTypes.StringType),
            field("splitbnn_version", DataTypes.StringType),
            field("parameters", DataTypes.createArrayType(DataTypes.StringType)),
            field(Tables.FIGURES, DataTypes.BooleanType))),

    /** One row per mode of a run, largest local evidence first. */
    MODES("modes", struct(
            field("mode", DataTypes.IntegerType),
            field("cluster_id", DataTypes.IntegerType),
            field("local_log_z", DataTypes.DoubleType),
            field("local_log_z_err", DataTypes.DoubleType),
            field("weight", DataTypes.DoubleType),
            field("prominent", DataTypes.BooleanType),
            field("mean", DataTypes.createArrayType(DataTypes.DoubleType)),
            field("sd", DataTypes.createArrayType(DataTypes.DoubleType)))),

    /** One row per solution (full, mode k) and dataset (train, test names). */
    GENERALISATION("generalisation", struct(
            field("solution", DataTypes.StringType),
            field("dataset", DataTypes.StringType),
            field("samples", DataTypes.IntegerType),
            field("mean", DataTypes.DoubleType),
            field("min", DataTypes.DoubleType),
            field("q1", DataTypes.DoubleType),
            field("median", DataTypes.DoubleType),
            field("q3", DataTypes.DoubleType),
            field("max", DataTypes.DoubleType),
            field("predictive_log_likelihood", DataTypes.DoubleType),
            field("accuracy", DataTypes.DoubleType))),

    /** Equally weighted posterior samples of the full solution, with the mode each belongs to. */
    POSTERIOR("posterior", struct(
            field("sample", DataTypes.IntegerType),
            field("mode", DataTypes.IntegerType),
            field("log_l", DataTypes.DoubleType),
            field("theta", DataTypes.createArrayType(DataTypes.DoubleType)))),

    /** Mean predicted probability per grid cell, per solution. */
    PREDICTIONS("predictions", struct(
            field("solution", DataTypes.StringType),
            field("x1", DataTypes.DoubleType),
            field("x2", DataTypes.DoubleType),
            field("probability", DataTypes.DoubleType)));

    /** The spec columns that lead every per-run table. */
    public static final StructType SPEC = struct(
            field("run_id", DataTypes.StringType),
            field("prior", DataTypes.StringType),
            field("train", DataTypes.StringType),
            field("sampler_seed", DataTypes.LongType),
            field("nlive", DataTypes.IntegerType),
            field("nprior", DataTypes.IntegerType),
            field("num_repeats", DataTypes.IntegerType),
            field("hidden", DataTypes.IntegerType));

    /**
     * The runs table's last column: whether the sweep's configuration marks the run for figures. It belongs to the
     * sweep, not to the run, so a run's own row lacks it and {@link #withFigures} appends it when the table is
     * written.
     */
    public static final String FIGURES = "figures";

    private final String folder;
    private final StructType own;

    Tables(String folder, StructType own) {
        this.folder = folder;
        this.own = own;
    }

    /** The table's folder under the sweep's output folder. */
    public String folder() {
        return folder;
    }

    /** The full schema: the spec columns, then the table's own. */
    public StructType schema() {
        StructField[] all = new StructField[SPEC.size() + own.size()];
        System.arraycopy(SPEC.fields(), 0, all, 0, SPEC.size());
        System.arraycopy(own.fields(), 0, all, SPEC.size(), own.size());
        return new StructType(all);
    }

    /**
     * The schema of the table's rows as a run commits them: {@link #schema()}, without the runs table's
     * {@link #FIGURES} column, which each invocation sets.
     */
    public StructType commitSchema() {
        StructType all = schema();
        return this == RUNS ? new StructType(java.util.Arrays.copyOf(all.fields(), all.size() - 1)) : all;
    }

    /** The position of the column {@code name} in {@link #schema()}. */
    public int index(String name) {
        return schema().fieldIndex(name);
    }

    /** A full row: the run's spec columns followed by the table's own {@code values}. */
    public static Row withSpec(RunSpec spec, List<Object> values) {
        Object[] all = new Object[SPEC.size() + values.size()];
        all[0] = spec.runId();
        all[1] = spec.prior();
        all[2] = spec.train().name();
        all[3] = spec.samplerSeed();
        all[4] = spec.nlive();
        all[5] = spec.nprior();
        all[6] = spec.numRepeats();
        all[7] = spec.hidden();
        for (int i = 0; i < values.size(); i++) {
            all[SPEC.size() + i] = values.get(i);
        }
        return RowFactory.create(all);
    }

    /** A run's own {@code runs} row followed by the {@link #FIGURES} column. */
    public static Row withFigures(Row run, boolean marked) {
        Object[] all = new Object[run.size() + 1];
        for (int i = 0; i < run.size(); i++) {
            all[i] = run.get(i);
        }
        all[run.size()] = marked;
        return RowFactory.create(all);
    }

    private static StructType struct(StructField... fields) {
        return new StructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
