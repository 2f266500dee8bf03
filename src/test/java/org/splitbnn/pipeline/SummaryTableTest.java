package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.splitbnn.output.Table;


class SummaryTableTest {

    @Test
    void aggregatesPerPriorAndCountsWhereTheFullSolutionWins() throws IOException {
        List<RunSpec> runs = SweepConfigReader.read(Path.of("conf/smoke.yaml")).runs();
        // grid order: full x11, constrained x11, full x12, constrained x12
        Map<String, RunOutcome> outcomes = Map.of(
                runs.get(0).runId(), ok(runs.get(0), -10, 3, 1, true),
                runs.get(1).runId(), ok(runs.get(1), -12, 2, 2, false),
                runs.get(2).runId(), ok(runs.get(2), -14, 5, 2, false),
                runs.get(3).runId(), RunRows.failed(runs.get(3), "boom", 1, new RunRows.Executor("h", "1")));
        Map<String, RunHeadline> headlines = new java.util.HashMap<>();
        outcomes.forEach((id, o) -> headlines.put(id, RunHeadline.of(o)));
        List<Row> rows = SummaryTable.rows(runs, headlines);
        assertEquals(2, rows.size());
        Row constrained = rows.get(0);
        assertEquals("constrained", constrained.getString(0));
        assertEquals("slice", constrained.getString(4));
        assertEquals(List.of(2, 1, 1), List.of(constrained.getInt(6), constrained.getInt(7), constrained.getInt(8)));
        assertEquals(-12.0, constrained.getDouble(9));
        assertNull(constrained.get(10), "no sd of one value");
        Row full = rows.get(1);
        assertEquals(-12.0, full.getDouble(9));
        assertNull(full.get(10), "one sampler seed per training set: no spread over seeds");
        assertEquals(4.0, full.getDouble(12));
        assertEquals(3, full.getInt(13));
        assertEquals(4.0, full.getDouble(14));
        assertEquals(5, full.getInt(15));
        assertEquals(Map.of(3, 1, 5, 1), full.getJavaMap(16));
        assertEquals(1.5, full.getDouble(17));
        assertEquals(Map.of(1, 1, 2, 1), full.getJavaMap(18));
        assertEquals(2, full.getInt(19));
        assertEquals(1, full.getInt(20));
        assertEquals(0.5, full.getDouble(21));
    }

    @Test
    void seedSpreadLeavesOutTheSpreadOverTrainingSets() throws IOException {
        // two training sets far apart, three seeds each: sds 1 and 2 within them, rms sqrt((1 + 4) / 2)
        List<RunSpec> specs = SweepConfigReader.read(Path.of("conf/smoke.yaml")).runs().stream()
                .filter(r -> r.settings().prior().equals("full")).toList();
        RunSpec a = specs.get(0);
        RunSpec b = specs.get(1);
        List<RunSpec> group = List.of(a, a, a, b, b, b, b);
        List<RunHeadline> outcomes = Stream.of(ok(a, -10, 1, 1, null), ok(a, -11, 1, 1, null),
                ok(a, -12, 1, 1, null), ok(b, -100, 1, 1, null), ok(b, -102, 1, 1, null), ok(b, -104, 1, 1, null),
                RunRows.failed(b, "boom", 1, new RunRows.Executor("h", "1"))).map(RunHeadline::of).toList();
        assertEquals(Math.sqrt(2.5), SummaryTable.seedSpread(group, outcomes), 1e-12);
    }

    @Test
    void fullBeatsTopModeAveragesTheTestSetsOnly() {
        List<Row> rows = List.of(
                row("full", "train", -0.1), row("mode 1", "train", -0.9),
                row("full", "a", -0.5), row("mode 1", "a", -0.3),
                row("full", "b", -0.5), row("mode 1", "b", -0.8),
                row("full", "tests_pooled", -9), row("mode 1", "tests_pooled", 0));
        assertTrue(RunOutcome.fullBeatsTopMode(rows, List.of("a", "b")));
        assertFalse(RunOutcome.fullBeatsTopMode(rows, List.of("a")));
        assertNull(RunOutcome.fullBeatsTopMode(rows, List.of()));
    }

    @Test
    void progressLineShowsTheRunAndTheTimeLeft() throws IOException {
        RunSpec spec = SweepConfigReader.read(Path.of("conf/smoke.yaml")).runs().get(0);
        String line = ProgressLine.of(spec, RunHeadline.of(ok(spec, -41.5, 3, 1, null)), 1, 4, 10);
        assertTrue(line.startsWith("[1/4] " + spec.runId() + " full train=xor-11-"), line);
        assertTrue(line.contains("log Z -41.500 ± 0.200, 3 prominent modes, 2.0 s; ETA 0:30"), line);
        assertEquals("1:01:01", ProgressLine.duration(3661));
    }

    /** An ok outcome with these headline numbers; with {@code beats}, one test set "a" decides it. */
    private static RunOutcome ok(RunSpec spec, double logZ, int modes, int functions, Boolean beats) {
        Object[] run = new Object[Tables.commitSchema(Table.RUNS).size()];
        run[Table.RUNS.index("run_id")] = spec.runId();
        run[Table.RUNS.index("status")] = RunRows.OK;
        run[Table.RUNS.index("log_z")] = logZ;
        run[Table.RUNS.index("log_z_err")] = 0.2;
        run[Table.RUNS.index("n_prominent_modes")] = modes;
        run[Table.RUNS.index("n_distinct_functions")] = functions;
        run[Table.RUNS.index("wall_seconds")] = 2.0;
        run[Table.RUNS.index("tests")] = beats == null ? new String[0] : new String[] {"a"};
        List<Row> generalisation = beats == null ? List.of()
                : List.of(row("full", "a", beats ? -1 : -2), row("mode 1", "a", -1.5));
        return new RunOutcome(spec.runId(), Map.of(Table.RUNS, List.of(RowFactory.create(run)),
                Table.GENERALISATION, generalisation));
    }

    private static Row row(String solution, String dataset, double mean) {
        return TableRows.of(Table.GENERALISATION, "solution", solution, "dataset", dataset, "mean", mean);
    }
}
