package org.splitbnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitbnn.report.PageReader.assertNumber;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.cli.Main;
import org.splitbnn.output.ParquetTable;
import picocli.CommandLine;

/** The report of a small run made here (full prior, several modes): its figures and the numbers on its page. */
@Tag("slow")
class RunReportTest {

    @TempDir
    static Path tmp;

    private static Path run;
    private static String html;

    @BeforeAll
    static void runAndReport() throws IOException {
        run = tmp.resolve("run");
        assertEquals(0, execute("run", "--data", "data/dev/train.csv", "--test", "data/dev/test_01.csv", "--test",
                "data/dev/test_02.csv", "--prior", "full", "--nlive", "60", "--seed", "2", "--posterior-samples",
                "300", "--grid-step", "0.25", "--quiet", "--out", run.toString()));
        assertEquals(0, execute("report", run.toString()));
        html = Files.readString(run.resolve("report/report.html"), StandardCharsets.UTF_8);
    }

    @Test
    void figuresArePngsOfTheirSize() throws IOException {
        RunFigureInput dir = RunDirectory.read(run).figures();
        assertTrue(dir.training() != null, "the training set is found from the path in summary.json");
        Path out = run.resolve("report");
        PageReader.assertPng(out.resolve(RunFigures.FIGURE_1B), PredictionFigure.WIDTH, PredictionFigure.HEIGHT);
        PanelGrid corner = CornerFigure.grid(dir);
        assertEquals(4, corner.rows(), "w11, w12, w21, w22");
        PageReader.assertPng(out.resolve(RunFigures.FIGURE_2), corner.width(), corner.height());
        PanelGrid solutions = SolutionsFigure.grid(dir);
        assertEquals(1 + dir.prominentModes().size() + 3, solutions.columns(), "full, modes, map, ensemble, laplace");
        PageReader.assertPng(out.resolve(RunFigures.FIGURE_3), solutions.width(), solutions.height());
        PageReader.assertSelfContained(html, out);
    }

    @Test
    void pageNumbersAreTheTables() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertNumber(summary.get("log_z").asDouble(), PageReader.span(html, "log-z"), RunPage.LOG_Z_DECIMALS, "log Z");
        assertNumber(summary.get("log_z_err").asDouble(), PageReader.span(html, "log-z-err"),
                RunPage.LOG_Z_DECIMALS, "log Z error");
        ParquetTable modes = ParquetTable.read(run.resolve("modes.parquet"));
        ParquetTable generalisation = ParquetTable.read(run.resolve("generalisation.parquet"));
        Map<String, Map<String, String>> rows = PageReader.table(html, "solutions");
        int prominent = 0;
        for (int i = 0; i < modes.rows(); i++) {
            String key = "mode " + modes.ints("mode")[i];
            if (!modes.booleans("prominent")[i]) {
                assertTrue(!rows.containsKey(key), key + " is not prominent");
                continue;
            }
            prominent++;
            Map<String, String> row = rows.get(key);
            assertNumber(modes.doubles("local_log_z")[i], row.get("log-z"), RunPage.LOG_Z_DECIMALS, key);
            assertNumber(modes.doubles("local_log_z_err")[i], row.get("log-z-err"), RunPage.LOG_Z_DECIMALS, key);
            assertNumber(modes.doubles("weight")[i], row.get("weight"), RunPage.FRACTION_DECIMALS, key);
            assertEquals(Integer.toString(modes.ints("function")[i]), row.get("function"), key);
        }
        assertEquals(summary.get("n_distinct_functions").asText(), PageReader.span(html, "n-functions"));
        Map<String, Map<String, String>> functions = PageReader.table(html, "functions");
        assertEquals(summary.get("n_distinct_functions").asInt(), functions.size());
        for (JsonNode f : summary.get("functions")) {
            Map<String, String> row = functions.get(f.get("function").asText());
            assertNumber(f.get("weight").asDouble(), row.get("weight"), RunPage.FRACTION_DECIMALS, "function weight");
            assertNumber(f.get("log_z").asDouble(), row.get("log-z"), RunPage.LOG_Z_DECIMALS, "function log Z");
        }
        assertTrue(prominent >= 2, "the full prior at seed 2 has several prominent modes");
        assertEquals(Integer.toString(prominent), PageReader.span(html, "n-prominent"));
        assertEquals(prominent + 1, rows.size(), "full and each prominent mode");
        for (String solution : rows.keySet()) {
            double test = 0;
            int tests = 0;
            for (int i = 0; i < generalisation.rows(); i++) {
                if (!generalisation.strings("solution")[i].equals(solution)) {
                    continue;
                }
                String dataset = generalisation.strings("dataset")[i];
                double mean = generalisation.doubles("mean")[i];
                if (dataset.equals("train")) {
                    assertNumber(mean, rows.get(solution).get("train"), RunPage.FRACTION_DECIMALS, solution);
                } else if (dataset.startsWith("test_")) {
                    test += mean;
                    tests++;
                }
            }
            assertEquals(2, tests);
            assertNumber(test / tests, rows.get(solution).get("test"), RunPage.FRACTION_DECIMALS, solution);
        }
    }

    @Test
    void existingReportNeedsForce() {
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, execute(err, "report", run.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--force"));
        assertEquals(0, execute("report", "--force", run.toString()));
        assertTrue(Files.isRegularFile(run.resolve("report/report.html")));
    }

    @Test
    void aRunFolderThatCannotBeWrittenIsBadInputBeforeAnyFigure(@TempDir Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("run"));
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        assertTrue(copy.toFile().setWritable(false, false));
        try {
            // root writes a read-only folder: jobs/test-hostile checks an immutable one (chattr +i) instead
            Assumptions.assumeFalse(Files.isWritable(copy), "this user writes a read-only folder");
            StringWriter err = new StringWriter();
            assertEquals(Main.BAD_INPUT, execute(err, "report", copy.toString()));
            assertTrue(err.toString().contains("cannot write into " + copy.toAbsolutePath()), err.toString());
        } finally {
            assertTrue(copy.toFile().setWritable(true, false));
        }
    }

    @Test
    void neitherRunNorSweepIsBadInput() {
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, execute(err, "report", tmp.resolve("nothing").toString()));
        assertTrue(err.toString().contains("neither a run directory"), err.toString());
    }

    private static int execute(String... args) {
        return execute(new StringWriter(), args);
    }

    private static int execute(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
