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

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitbnn.pipeline.SharedSpark;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.pipeline.SweepConfigReader;
import org.splitbnn.pipeline.SweepDriver;

/**
 * The report of a small sweep made here (two training sets x two priors x two sampler seeds at nlive 50) on the
 * test JVM's shared Spark session: its figures, and the numbers on its page against the tables as Spark reads them.
 */
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
        new SweepDriver(SharedSpark.session(), new PrintStream(OutputStream.nullOutputStream()))
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
        PageReader.assertSelfContained(html, out);
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
        }
    }

    @Test
    void summaryRowsAreTheSummaryTable() {
        Map<String, Map<String, String>> rows = PageReader.table(html, "summary");
        List<Row> summary = SharedSpark.session().read().parquet(sweep.resolve("summary").toString()).collectAsList();
        assertEquals(2, summary.size());
        assertEquals(summary.size(), rows.size());
        for (Row s : summary) {
            Map<String, String> row = rows.get(s.<String>getAs("prior") + "/" + s.<Integer>getAs("nlive"));
            assertEquals(Integer.toString(s.<Integer>getAs("runs")), row.get("runs"));
            assertEquals(Integer.toString(s.<Integer>getAs("runs_ok")), row.get("runs-ok"));
            assertNumber(s.<Double>getAs("log_z_mean"), row.get("log-z-mean"), RunPage.LOG_Z_DECIMALS, "mean");
            assertNumber(s.<Double>getAs("log_z_sd"), row.get("log-z-sd"), RunPage.LOG_Z_DECIMALS, "sd");
            assertNumber(s.<Double>getAs("log_z_err_mean"), row.get("log-z-err-mean"), RunPage.LOG_Z_DECIMALS,
                    "mean error");
            Double fraction = s.getAs("full_beats_top_mode_fraction");
            assertNumber(fraction == null ? Double.NaN : fraction, row.get("full-beats-top-mode-fraction"),
                    RunPage.FRACTION_DECIMALS, "fraction");
        }
    }

    @Test
    void everyTrainingSetAndPriorHasASpreadOverSeeds() throws IOException {
        List<SweepFigures.DatasetPrior> groups = SweepFigures.byDatasetAndPrior(SweepTables.read(sweep));
        assertEquals(4, groups.size());
        groups.forEach(g -> assertTrue(g.runs() == 2 && Double.isFinite(g.logZSd()) && g.compared(), g.toString()));
    }
}
