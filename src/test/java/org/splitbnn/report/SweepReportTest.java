package org.splitbnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitbnn.report.PageReader.assertNumber;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.pipeline.SharedSpark;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.pipeline.SweepConfigReader;
import org.splitbnn.pipeline.SweepDriver;

/**
 * The report of a small sweep made here (two training sets x two priors x two sampler seeds at nlive 50, one run
 * marked for figures) on the test JVM's shared Spark session: its figures, and the numbers on its page against the
 * tables as Spark reads them.
 */
@Tag("spark")
class SweepReportTest {

    private static final String CONFIG = """
            name: report-test
            nlive: 50
            nprior: 500
            num_repeats: 10
            priors: [full, constrained]
            sampler_seeds: [1, 2]
            hidden: [2]
            train:
              - {seeds: [11, 12], counts: [15, 50, 5, 40]}
            tests:
              - {seeds: [101, 102], counts: [10, 10, 10, 10]}
            posterior_samples: 100
            grid_step: 0.5
            outputs: {posterior: true, predictions: true}
            figures: {priors: [constrained], sampler_seeds: [1], train: [xor-11-15.50.5.40]}
            """;

    @TempDir
    static Path tmp;

    private static Path sweep;
    private static String html;

    @BeforeAll
    static void sweepAndReport() throws Exception {
        Path config = tmp.resolve("report-test.yaml");
        Files.writeString(config, CONFIG);
        sweep = tmp.resolve("sweep");
        new SweepDriver(SharedSpark.session(), new PrintStream(OutputStream.nullOutputStream()), System.err)
                .run(SweepConfigReader.read(config), sweep.toString(), false);
        Report.write(sweep, false);
        html = Files.readString(sweep.resolve("report/report.html"), StandardCharsets.UTF_8);
    }

    @Test
    void figuresArePngsOfTheirSize() throws IOException {
        Path out = sweep.resolve("report");
        for (String file : List.of(SweepPage.MODE_COUNTS, SweepPage.FULL_AGAINST_TOP_MODE,
                SweepPage.EVIDENCE_AGAINST_TEST)) {
            PageReader.assertPng(out.resolve(file), SweepFigures.WIDTH, SweepFigures.HEIGHT);
        }
        PanelGrid evidence = SweepFigures.evidenceGrid();
        PageReader.assertPng(out.resolve(SweepPage.EVIDENCE), evidence.width(), evidence.height());
        PanelGrid baselines = SweepFigures.baselinesGrid();
        PageReader.assertPng(out.resolve(SweepPage.FULL_AGAINST_BASELINES), baselines.width(), baselines.height());
        PageReader.assertSelfContained(html, out);
    }

    @Test
    void studySectionShowsTheClaimsTable() throws IOException {
        Map<String, Map<String, String>> rows = PageReader.table(html, "claims");
        List<Row> claims = SharedSpark.session().read().parquet(sweep.resolve("claims").toString()).collectAsList();
        assertTrue(!claims.isEmpty(), "two priors on two training sets: C1 at least");
        assertEquals(claims.size(), rows.size());
        for (int i = 0; i < claims.size(); i++) {
            Row c = claims.get(i);
            Map<String, String> row = rows.get(c.<String>getAs("claim") + "/" + i);
            Double estimate = c.getAs("estimate");
            assertNumber(estimate == null ? Double.NaN : estimate, row.get("estimate"), 3, "estimate");
            assertEquals(c.<String>getAs("verdict"), row.get("verdict"));
            assertEquals("xor", c.<String>getAs("dataset"));
            assertEquals(c.<String>getAs("dataset"), row.get("dataset"));
            assertEquals(Integer.toString(c.<Integer>getAs("training_sets")), row.get("training-sets"));
        }
        StudyTables study = StudyTables.read(sweep);
        Path out = sweep.resolve("report");
        PanelGrid forest = StudyFigures.forestGrid(study);
        PageReader.assertPng(out.resolve(StudyPage.FOREST), forest.width(), forest.height());
        PanelGrid counts = StudyFigures.countsGrid(study);
        PageReader.assertPng(out.resolve(StudyPage.COUNTS), counts.width(), counts.height());
        PanelGrid advantage = StudyFigures.advantageGrid(study);
        PageReader.assertPng(out.resolve(StudyPage.ADVANTAGE), advantage.width(), advantage.height());
        assertEquals(8, study.runs().size());
        assertTrue(study.runs().stream().allMatch(r -> r.trainSize() == 110 && r.noiseVariance() == 0.5));
    }

    @Test
    void runRowsAreTheRunsTable() {
        Map<String, Map<String, String>> rows = PageReader.table(html, "runs");
        List<Row> runs = SharedSpark.session().read().parquet(sweep.resolve("runs").toString()).collectAsList();
        assertEquals(8, runs.size());
        assertEquals(runs.size(), rows.size());
        for (Row r : runs) {
            Map<String, String> row = rows.get(r.<String>getAs("run_id"));
            assertEquals(r.<String>getAs("prior"), row.get("prior"));
            assertEquals(r.<String>getAs("train"), row.get("train"));
            assertEquals(Long.toString(r.<Long>getAs("sampler_seed")), row.get("seed"));
            assertEquals(r.<String>getAs("status"), row.get("status"));
            assertNumber(r.<Double>getAs("log_z"), row.get("log-z"), RunPage.LOG_Z_DECIMALS, "log Z");
            assertNumber(r.<Double>getAs("log_z_err"), row.get("log-z-err"), RunPage.LOG_Z_DECIMALS, "log Z error");
            assertEquals(Integer.toString(r.<Integer>getAs("n_prominent_modes")), row.get("prominent-modes"));
            assertEquals(Integer.toString(r.<Integer>getAs("n_distinct_functions")), row.get("distinct-functions"));
        }
    }

    @Test
    void summaryRowsAreTheSummaryTable() {
        Map<String, Map<String, String>> rows = PageReader.table(html, "summary");
        List<Row> summary = SharedSpark.session().read().parquet(sweep.resolve("summary").toString()).collectAsList();
        assertEquals(2, summary.size());
        assertEquals(summary.size(), rows.size());
        for (Row s : summary) {
            Map<String, String> row = rows.get(SweepPage.summaryKey(s.getAs("prior"), s.getAs("sampler"),
                    s.<Integer>getAs("nlive"), s.<Integer>getAs("hidden")));
            assertEquals(s.<String>getAs("sampler"), row.get("sampler"));
            assertEquals(Integer.toString(s.<Integer>getAs("hidden")), row.get("hidden"));
            assertEquals(Integer.toString(s.<Integer>getAs("runs")), row.get("runs"));
            assertEquals(Integer.toString(s.<Integer>getAs("runs_ok")), row.get("runs-ok"));
            assertNumber(s.<Double>getAs("log_z_mean"), row.get("log-z-mean"), RunPage.LOG_Z_DECIMALS, "mean");
            assertNumber(s.<Double>getAs("log_z_seed_sd"), row.get("log-z-seed-sd"), RunPage.LOG_Z_DECIMALS, "sd");
            assertNumber(s.<Double>getAs("log_z_err_mean"), row.get("log-z-err-mean"), RunPage.LOG_Z_DECIMALS,
                    "mean error");
            assertNumber(s.<Double>getAs("distinct_functions_mean"), row.get("distinct-functions-mean"), 2,
                    "mean distinct functions");
            Double fraction = s.getAs("full_beats_top_mode_fraction");
            assertNumber(fraction == null ? Double.NaN : fraction, row.get("full-beats-top-mode-fraction"),
                    RunPage.FRACTION_DECIMALS, "fraction");
        }
    }

    @Test
    void theMarkedRunHasItsFiguresFromTheTables() throws IOException {
        List<Row> marked = SharedSpark.session().read().parquet(sweep.resolve("runs").toString())
                .where("figures").collectAsList();
        assertEquals(1, marked.size());
        Row run = marked.get(0);
        String id = run.getAs("run_id");
        assertEquals(List.of("constrained", 1L), List.of(run.getAs("prior"), run.getAs("sampler_seed")));
        try (Stream<Path> folders = Files.list(sweep.resolve("report").resolve(SweepPage.RUNS))) {
            assertEquals(List.of(id), folders.map(p -> p.getFileName().toString()).toList(), "only the marked run");
        }
        RunFigureInput input = SweepTables.read(sweep).figures().get(id);
        assertEquals(110, input.training().size(), "15 + 50 + 5 + 40 training points from training_points");
        Path out = sweep.resolve("report").resolve(SweepPage.RUNS).resolve(id);
        PageReader.assertPng(out.resolve(RunFigures.FIGURE_1B), PredictionFigure.WIDTH, PredictionFigure.HEIGHT);
        PanelGrid corner = CornerFigure.grid(input);
        assertEquals(4, corner.rows(), "w11, w12, w21, w22");
        PageReader.assertPng(out.resolve(RunFigures.FIGURE_2), corner.width(), corner.height());
        PanelGrid solutions = SolutionsFigure.grid(input);
        assertEquals(1 + run.<Integer>getAs("n_prominent_modes") + 3, solutions.columns(),
                "full, modes, map, ensemble, laplace");
        PageReader.assertPng(out.resolve(RunFigures.FIGURE_3), solutions.width(), solutions.height());

        List<Row> posterior = SharedSpark.session().read().parquet(sweep.resolve("posterior").toString())
                .where("run_id = '" + id + "'").orderBy("sample").collectAsList();
        assertEquals(posterior.size(), input.posterior().size());
        for (int i = 0; i < posterior.size(); i++) {
            Row p = posterior.get(i);
            Integer mode = p.getAs("mode");
            assertEquals(mode == null ? 0 : mode, input.posterior().modes()[i], "mode of sample " + i);
            List<Double> theta = p.getList(p.fieldIndex("theta"));
            assertEquals(theta.get(0), input.posterior().values("w11")[i], "w11 of sample " + i);
        }
    }

    @Test
    void theMarkedRunsNumbersAreTheTables() {
        Row run = SharedSpark.session().read().parquet(sweep.resolve("runs").toString()).where("figures").first();
        String id = run.getAs("run_id");
        assertNumber(run.<Double>getAs("log_z"), PageReader.span(html, "log-z-" + id), RunPage.LOG_Z_DECIMALS,
                "log Z");
        assertNumber(run.<Double>getAs("log_z_err"), PageReader.span(html, "log-z-err-" + id),
                RunPage.LOG_Z_DECIMALS, "log Z error");
        assertEquals(Integer.toString(run.<Integer>getAs("n_prominent_modes")),
                PageReader.span(html, "n-prominent-" + id));
        assertEquals(Integer.toString(run.<Integer>getAs("n_distinct_functions")),
                PageReader.span(html, "n-functions-" + id));
        Map<String, Map<String, String>> rows = PageReader.table(html, "solutions-" + id);
        assertNumber(run.<Double>getAs("log_z"), rows.get("full").get("log-z"), RunPage.LOG_Z_DECIMALS, "full");
        List<Row> modes = SharedSpark.session().read().parquet(sweep.resolve("modes").toString())
                .where("run_id = '" + id + "' AND prominent").collectAsList();
        assertEquals(modes.size() + 1, rows.size(), "full and each prominent mode");
        for (Row m : modes) {
            Map<String, String> row = rows.get("mode " + m.<Integer>getAs("mode"));
            assertNumber(m.<Double>getAs("local_log_z"), row.get("log-z"), RunPage.LOG_Z_DECIMALS, "local log Z");
            assertNumber(m.<Double>getAs("local_log_z_err"), row.get("log-z-err"), RunPage.LOG_Z_DECIMALS, "error");
            assertNumber(m.<Double>getAs("weight"), row.get("weight"), RunPage.FRACTION_DECIMALS, "weight");
            assertEquals(Integer.toString(m.<Integer>getAs("function")), row.get("function"), "function");
        }
        for (String solution : rows.keySet()) {
            List<Row> g = SharedSpark.session().read().parquet(sweep.resolve("generalisation").toString())
                    .where("run_id = '" + id + "' AND solution = '" + solution + "'").collectAsList();
            double train = g.stream().filter(r -> r.getAs("dataset").equals("train"))
                    .mapToDouble(r -> r.<Double>getAs("mean")).findFirst().orElseThrow();
            double test = g.stream().filter(r -> r.<String>getAs("dataset").startsWith("xor-101")
                    || r.<String>getAs("dataset").startsWith("xor-102")).mapToDouble(r -> r.<Double>getAs("mean"))
                    .average().orElseThrow();
            assertNumber(train, rows.get(solution).get("train"), RunPage.FRACTION_DECIMALS, solution + " train");
            assertNumber(test, rows.get(solution).get("test"), RunPage.FRACTION_DECIMALS, solution + " test");
        }
    }

    @Test
    void everyTrainingSetAndPriorHasASpreadOverSeeds() throws IOException {
        List<SweepFigures.DatasetPrior> groups = SweepFigures.byDatasetAndPrior(SweepTables.read(sweep));
        assertEquals(4, groups.size());
        groups.forEach(g -> assertTrue(g.runs() == 2 && Double.isFinite(g.logZSd()) && g.compared(), g.toString()));
    }
}
