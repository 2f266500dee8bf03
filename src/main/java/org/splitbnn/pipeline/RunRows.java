package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.output.Table;
import org.apache.spark.sql.Row;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.PredictionGrid;
import org.splitbnn.analysis.Solution;
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
     * @param posterior   the full posterior's equally weighted samples, used when the spec asks for the posterior table
     * @param wallSeconds the whole run's wall time: datasets, sampling and analysis
     */
    public static RunOutcome ok(RunSpec spec, ExperimentResult result, Solution posterior, Executor where,
                                double wallSeconds) {
        SamplerResult s = result.sampler();
        Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
        rows.put(Table.RUNS, List.of(runRow(spec, OK, null, s.logZ(), s.logZErr(), s.logPriorVolumeFraction(),
                s.klDivergence(), s.nClusters(), result.modes().size(), result.prominentModes(),
                result.distinctFunctions(), s.nLikelihood(), s.nOutsideSupport(),
                s.nDead(), s.wallSeconds(), wallSeconds, where, s.parameterNames().toArray(String[]::new))));
        List<Row> modes = new ArrayList<>();
        for (ModeReport m : result.modes()) {
            modes.add(Tables.withSpec(spec, Table.MODES, Arrays.asList(m.mode(), m.clusterId(), m.localLogZ(),
                    m.localLogZErr(), m.weight(), m.prominent(), m.function(), doubles(m.mean()), doubles(m.sd()))));
        }
        rows.put(Table.MODES, modes);
        List<Row> generalisation = new ArrayList<>();
        for (GeneralisationRow g : result.generalisation()) {
            generalisation.add(Tables.withSpec(spec, Table.GENERALISATION, Arrays.asList(g.solution(), g.dataset(),
                    g.samples(), g.mean(), g.min(), g.q1(), g.median(), g.q3(), g.max(), g.predictiveLogLikelihood(),
                    g.accuracy(), g.brier(), g.ece())));
        }
        rows.put(Table.GENERALISATION, generalisation);
        List<Row> optima = new ArrayList<>();
        for (Baselines.DistinctOptimum o : result.baselines().optima()) {
            optima.add(Tables.withSpec(spec, Table.OPTIMA, Arrays.asList(o.optimum(), o.logL(), o.basinCount(),
                    o.basinFraction(), o.images(), o.laplaceLogZ(), o.laplaceLogZImage(), o.positiveDefinite(),
                    o.onWall(), o.laplaceWeight(), o.matchedMode() == 0 ? null : o.matchedMode(),
                    o.matchedFunction() == 0 ? null : o.matchedFunction(), o.nsWeight(), o.theta().clone())));
        }
        rows.put(Table.OPTIMA, optima);
        List<Row> starts = new ArrayList<>();
        for (Baselines.StartOutcome o : result.baselines().starts()) {
            starts.add(Tables.withSpec(spec, Table.STARTS, Arrays.asList(o.start(),
                    o.optimum() == 0 ? null : o.optimum(), o.converged(), o.logL(), o.projectedGradientNorm(),
                    o.iterations(), o.theta().clone())));
        }
        rows.put(Table.STARTS, starts);
        if (spec.outputs().posterior()) {
            List<Row> samples = new ArrayList<>();
            for (int i = 0; i < posterior.size(); i++) {
                Integer mode = posterior.modes()[i] == 0 ? null : posterior.modes()[i];
                samples.add(Tables.withSpec(spec, Table.POSTERIOR, Arrays.asList(i, mode, posterior.logL()[i],
                        posterior.theta()[i].clone())));
            }
            rows.put(Table.POSTERIOR, samples);
        }
        if (spec.outputs().predictions()) {
            List<Row> cells = new ArrayList<>();
            for (PredictionGrid grid : result.predictions()) {
                for (int c = 0; c < grid.probability().length; c++) {
                    cells.add(Tables.withSpec(spec, Table.PREDICTIONS, Arrays.asList(grid.solution(), grid.x1()[c], grid.x2()[c],
                            grid.probability()[c])));
                }
            }
            rows.put(Table.PREDICTIONS, cells);
        }
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
        return Tables.withSpec(spec, Table.RUNS, Arrays.asList(spec.trainSha256(),
                c.counts() == null ? null : c.counts().toArray(Integer[]::new),
                c.noiseVariance(), spec.train().size(), testNames(spec).toArray(String[]::new), status, error, logZ, logZErr, logF,
                kl, clusters, modes, prominent, functions, nLike, nOutside, nDead, samplerSeconds, wallSeconds,
                where.host(), where.id(),
                SplitbnnVersion.current(), parameters));
    }

    private static List<String> testNames(RunSpec spec) {
        return spec.tests().stream().map(DatasetSource::name).toList();
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
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
