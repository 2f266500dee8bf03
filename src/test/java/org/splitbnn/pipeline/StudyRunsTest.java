package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.output.Table;

class StudyRunsTest {

    private static RunSpec spec() throws IOException {
        return SweepConfigReader.read(Path.of("conf/smoke.yaml")).runs().get(0);
    }

    @Test
    void readsCountsModeFunctionsTestMeansAndMatchedOptima() throws IOException {
        RunSpec spec = spec();
        String a = spec.tests().get(0).name();
        String b = spec.tests().get(1).name();
        RunOutcome outcome = outcome(spec, List.of(mode(2, true, 2), mode(1, true, 1), mode(3, false, null)),
                List.of(generalisation("full", a, -0.25), generalisation("full", b, -0.75),
                        generalisation("full", spec.train().name(), -0.01),
                        generalisation("full", "tests_pooled", -9), generalisation("map", a, -0.5)),
                List.of(optimum(1, 0.8, 0.25, -40.5), optimum(null, 0, 0.5, Double.NaN),
                        optimum(0, 0, 0.25, -41)));

        StudyRun run = StudyRuns.of(spec, outcome);

        assertEquals(spec.condition(), run.condition());
        assertEquals(spec.train().name(), run.train());
        assertEquals(spec.settings().samplerSeed(), run.samplerSeed());
        assertEquals(-87.25, run.logZ());
        assertEquals(new Condition.Sampling(spec.settings().nlive(),
                spec.settings().numRepeats() / (double) spec.settings().shape().dimension(), spec.settings().sampler()),
                run.condition().sampling());
        assertEquals(2, run.prominentModes());
        assertEquals(2, run.distinctFunctions());
        assertEquals(List.of(1, 2), run.modeFunctions(), "prominent modes only, in rank order");
        assertEquals(-0.5, run.test("full"), 1e-15, "the mean over the test sets, training and pooled rows left out");
        assertEquals(-0.5, run.test("map"), 1e-15, "a solution's mean over the test sets it has");
        assertNull(run.test("ensemble"));
        assertEquals(List.of(new StudyRun.MatchedOptimum(1, 0.8, 0.25, -40.5)), run.matchedOptima());
    }

    @Test
    void unknownModeFunctionsGiveNoModeFunctions() throws IOException {
        RunSpec spec = spec();
        StudyRun run = StudyRuns.of(spec, outcome(spec, List.of(mode(1, true, 1), mode(2, true, null)),
                List.of(), List.of()));
        assertEquals(List.of(), run.modeFunctions());
        assertTrue(run.testLogLikelihood().isEmpty());
    }

    @Test
    void failedOrMissingRunsHaveNoRecord() throws IOException {
        RunSpec spec = spec();
        assertNull(StudyRuns.of(spec, null));
        assertNull(StudyRuns.of(spec, RunRows.failed(spec, "boom", 1, new RunRows.Executor("h", "1"))));
    }

    private static RunOutcome outcome(RunSpec spec, List<Row> modes, List<Row> generalisation, List<Row> optima) {
        Object[] run = new Object[Tables.commitSchema(Table.RUNS).size()];
        run[Table.RUNS.index("run_id")] = spec.runId();
        run[Table.RUNS.index("status")] = RunRows.OK;
        run[Table.RUNS.index("n_prominent_modes")] = (int) modes.stream()
                .filter(m -> Boolean.TRUE.equals(m.get(Table.MODES.index("prominent")))).count();
        run[Table.RUNS.index("n_distinct_functions")] = 2;
        run[Table.RUNS.index("log_z")] = -87.25;
        return new RunOutcome(spec.runId(), Map.of(Table.RUNS, List.of(RowFactory.create(run)), Table.MODES, modes,
                Table.GENERALISATION, generalisation, Table.OPTIMA, optima));
    }

    private static Row mode(int rank, boolean prominent, Integer function) {
        return TableRows.of(Table.MODES, "mode", rank, "prominent", prominent, "function", function);
    }

    private static Row generalisation(String solution, String dataset, double predictive) {
        return TableRows.of(Table.GENERALISATION, "solution", solution, "dataset", dataset,
                "predictive_log_likelihood", predictive);
    }

    private static Row optimum(Integer function, double weight, double basin, double laplace) {
        return TableRows.of(Table.OPTIMA, "matched_function", function, "ns_weight", weight,
                "basin_fraction", basin, "laplace_log_z", laplace);
    }
}
