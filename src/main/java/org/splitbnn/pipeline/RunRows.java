package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.output.RunTables;
import org.splitbnn.output.Table;
import org.apache.spark.sql.Row;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.sampler.SamplerResult;

/** Turns a run's result, or its failure, into its {@link RunOutcome}: the rows of every table it contributes to. */
public final class RunRows {

    /** Status of a finished run. */
    public static final String OK = "ok";

    /** Status of a run that threw or whose task failed. */
    public static final String FAILED = "failed";

    private RunRows() {
    }

    /**
     * The outcome of a finished run.
     *
     * @param wallSeconds the whole run's wall time: datasets, sampling and analysis
     */
    public static RunOutcome ok(RunSpec spec, ExperimentResult result, Executor where, double wallSeconds) {
        SamplerResult s = result.sampler();
        Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
        rows.put(Table.RUNS, List.of(runRow(spec, OK, null, s.logZ(), s.logZErr(), s.logPriorVolumeFraction(),
                s.klDivergence(), s.nClusters(), result.modes().size(), result.prominentModes(),
                result.distinctFunctions(), s.nLikelihood(), s.nOutsideSupport(),
                s.nDead(), s.wallSeconds(), wallSeconds, where, s.parameterNames().toArray(String[]::new))));
        List<Table> tables = new ArrayList<>(List.of(Table.MODES, Table.GENERALISATION, Table.OPTIMA, Table.STARTS));
        if (spec.outputs().posterior()) {
            tables.add(Table.POSTERIOR);
        }
        if (spec.outputs().predictions()) {
            tables.add(Table.PREDICTIONS);
        }
        RunTables.of(spec.runId(), spec.train().name(), spec.settings(), result, tables)
                .forEach((table, columns) -> rows.put(table, Tables.rows(columns)));
        return new RunOutcome(spec.runId(), rows);
    }

    /** The outcome of a run that failed with {@code error} after {@code wallSeconds}. */
    public static RunOutcome failed(RunSpec spec, String error, double wallSeconds, Executor where) {
        Row row = runRow(spec, FAILED, error, null, null, null, null, null, null, null, null, null, null, null, null,
                wallSeconds, where, null);
        return new RunOutcome(spec.runId(), Map.of(Table.RUNS, List.of(row)));
    }

    private static Row runRow(RunSpec spec, String status, String error, Double logZ, Double logZErr, Double logF,
                              Double kl, Integer clusters, Integer modes, Integer prominent, Integer functions,
                              Long nLike, Long nOutside, Long nDead,
                              Double samplerSeconds, double wallSeconds, Executor where, String[] parameters) {
        Condition c = spec.condition();
        Map<String, Object> v = new HashMap<>();
        v.put("train_sha256", spec.trainSha256());
        v.put("train_counts", c.counts() == null ? null : c.counts().toArray(Integer[]::new));
        v.put("train_noise_variance", c.noiseVariance());
        v.put("train_size", spec.train().size());
        v.put("train_inputs", spec.settings().inputs());
        v.put("tests", testNames(spec).toArray(String[]::new));
        v.put("status", status);
        v.put("error", error);
        v.put("log_z", logZ);
        v.put("log_z_err", logZErr);
        v.put("log_prior_volume_fraction", logF);
        v.put("kl_divergence", kl);
        v.put("n_clusters", clusters);
        v.put("n_modes", modes);
        v.put("n_prominent_modes", prominent);
        v.put("n_distinct_functions", functions);
        v.put("n_likelihood_calls", nLike);
        v.put("n_outside_support", nOutside);
        v.put("n_dead", nDead);
        v.put("sampler_seconds", samplerSeconds);
        v.put("wall_seconds", wallSeconds);
        v.put("executor_host", where.host());
        v.put("executor_id", where.id());
        v.put("splitbnn_version", SplitbnnVersion.current());
        v.put("parameters", parameters);
        return Tables.withSpec(spec, Table.RUNS, v);
    }

    private static List<String> testNames(RunSpec spec) {
        return spec.tests().stream().map(DatasetSource::name).toList();
    }

    /**
     * Where a run ran.
     *
     * @param host the executor's host name
     * @param id   Spark's executor id ("driver" in local mode)
     */
    public record Executor(String host, String id) {
    }
}
