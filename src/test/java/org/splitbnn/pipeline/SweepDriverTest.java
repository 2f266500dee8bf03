package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.splitbnn.analysis.claims.Verdict;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.output.Table;

/**
 * The smoke sweep end to end on local[2,2]: table contents, determinism, resume, failures and task retries. The
 * smoke sweep is computed once ({@link #reference}) and the other tests compare with it.
 */
@Tag("spark")
@Tag("slow")
class SweepDriverTest {

    @TempDir
    static Path tmp;

    private static Sweep smoke;
    private static Path reference;
    private static SweepReport referenceReport;

    @BeforeAll
    static void runSmokeSweep() throws IOException {
        smoke = SweepConfigReader.read(Path.of("conf/smoke.yaml"));
        reference = tmp.resolve("reference");
        referenceReport = driver(new ByteArrayOutputStream()).run(smoke, reference.toString(), false);
    }

    @Test
    void smokeTablesHoldEveryRun() {
        assertEquals(4, referenceReport.computed());
        assertEquals(0, referenceReport.failed());
        SparkSession spark = SharedSpark.session();
        List<Row> runs = spark.read().parquet(reference.resolve("runs").toString()).collectAsList();
        assertEquals(4, runs.size());
        for (Row r : runs) {
            assertEquals("ok", r.getAs("status"));
            assertNull(r.getAs("error"));
            assertTrue(Double.isFinite(r.<Double>getAs("log_z")));
            assertEquals(100, r.<Integer>getAs("nlive"));
            assertEquals(1000, r.<Integer>getAs("nprior"));
            assertEquals(10, r.<Integer>getAs("num_repeats"));
            assertEquals("slice", r.getAs("sampler"));
            assertEquals(7L, r.<Long>getAs("sampler_seed"));
            String id = r.getAs("run_id");
            int clusters = r.getAs("n_clusters");
            int modes = r.getAs("n_modes");
            int prominent = r.getAs("n_prominent_modes");
            assertTrue(prominent >= 1 && prominent <= modes && modes <= clusters);
            assertEquals(modes, count(spark, "modes", id, ""));
            assertEquals(prominent, count(spark, "modes", id, " AND prominent"));
            int functions = r.getAs("n_distinct_functions");
            assertTrue(functions >= 1 && functions <= prominent);
            assertEquals(prominent, count(spark, "modes", id, " AND function BETWEEN 1 AND " + functions));
            assertEquals(modes - prominent, count(spark, "modes", id, " AND function = 0"));
            assertEquals((1 + prominent + 3) * 4, count(spark, "generalisation", id, ""),
                    "train, 2 tests and the pooled tests per solution: full, modes, map, ensemble, laplace");
            assertEquals(32, count(spark, "starts", id, ""));
            assertEquals(count(spark, "starts", id, " AND converged"),
                    spark.sql("SELECT sum(basin_count) FROM parquet.`" + reference.resolve("optima")
                            + "` WHERE run_id = '" + id + "'").first().getLong(0));
            assertEquals(200, count(spark, "posterior", id, ""));
            assertEquals(0, count(spark, "posterior", id, " AND (mode < 0 OR mode > " + modes + ")"));
            assertTrue(count(spark, "predictions", id, " AND solution = 'full'") > 10);
        }
        assertEquals(Set.of("full", "constrained"), Set.copyOf(spark.read().parquet(reference.resolve("runs")
                .toString()).select("prior").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));
        List<Row> summary = spark.read().parquet(reference.resolve("summary").toString()).collectAsList();
        assertEquals(2, summary.size());
        assertEquals("constrained", summary.get(0).getAs("prior"));
        for (Row s : summary) {
            assertEquals(2, s.<Integer>getAs("runs"));
            assertEquals(2, s.<Integer>getAs("runs_compared"));
            Map<Integer, Integer> counts = s.getJavaMap(s.fieldIndex("prominent_mode_counts"));
            assertEquals(2, counts.values().stream().mapToInt(Integer::intValue).sum());
            Map<Integer, Integer> functionCounts = s.getJavaMap(s.fieldIndex("distinct_function_counts"));
            assertEquals(2, functionCounts.values().stream().mapToInt(Integer::intValue).sum());
            double mean = functionCounts.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum() / 2;
            assertEquals(mean, s.<Double>getAs("distinct_functions_mean"), 1e-12);
        }
        // C1 pairs the two priors' runs of each training set: its estimate is the mean difference of the counts
        Map<String, Integer> modes = new java.util.HashMap<>();
        runs.forEach(r -> modes.put(r.getAs("prior") + "/" + r.getAs("train"), r.getAs("n_prominent_modes")));
        double difference = (modes.get("full/xor-11-15.50.5.40") - modes.get("constrained/xor-11-15.50.5.40")
                + modes.get("full/xor-12-15.50.5.40") - modes.get("constrained/xor-12-15.50.5.40")) / 2.0;
        List<Row> claims = spark.read().parquet(reference.resolve("claims").toString()).collectAsList();
        Row c1 = claims.stream().filter(r -> r.getAs("claim").equals("C1")).findFirst().orElseThrow();
        assertEquals("constrained", c1.getAs("prior"));
        assertEquals(110, runs.get(0).<Integer>getAs("train_size"));
        assertEquals(2, c1.<Integer>getAs("training_sets"));
        assertEquals(4, c1.<Integer>getAs("runs"));
        assertEquals(difference, c1.<Double>getAs("estimate"), 1e-12);
        assertTrue(c1.<Double>getAs("ci_low") <= difference && difference <= c1.<Double>getAs("ci_high"));
        assertEquals(0.0, c1.<Double>getAs("threshold"));
        assertEquals("above", c1.getAs("claimed_side"), "C1: more prominent modes under the full prior");
        assertEquals(Verdict.of(c1.<Double>getAs("ci_low"), c1.<Double>getAs("ci_high"), 0, true).label(),
                c1.getAs("verdict"), "the verdict of the row's interval against its threshold");
        assertEquals(List.of(15, 50, 5, 40), c1.getList(c1.fieldIndex("counts")));
    }

    @Test
    void everyTableHasTheContractsColumns() {
        for (Table t : Tables.SWEEP) {
            assertEquals(t.names(), List.of(SharedSpark.session().read().parquet(reference.resolve(t.folder())
                    .toString()).schema().fieldNames()), t.folder());
        }
        assertEquals(Table.SUMMARY.names(), List.of(SharedSpark.session().read().parquet(reference.resolve("summary")
                .toString()).schema().fieldNames()));
    }

    @Test
    void anOutOfMemoryErrorBecomesAFailedRun() {
        RunSpec good = smoke.runs().get(0);
        RunSettings s = good.settings();
        // about 1.7 GB of prior draws, then 2.3 GB of room for dead points: more than the test JVM's 3 GB
        RunSpec huge = new RunSpec("00000000000000ff", new RunSettings(s.prior(), s.priorHalfWidth(), s.hidden(),
                1_000_000, 10_000_000, s.numRepeats(), s.sampler(), s.samplerSeed(), s.prominence(), s.posteriorSamples(),
                s.gridStep(), s.baselineStarts(), 2), good.train(), good.trainSha256(), good.tests(), good.outputs());
        RunOutcome o = new RunTask().call(huge);
        assertFalse(o.ok());
        assertTrue(o.error().startsWith("OutOfMemoryError"), o.error());
    }

    @Test
    void theClosingSummaryTellsHowTheSweepEnded() throws IOException {
        ClosingSummary s = ClosingSummary.read(new org.apache.hadoop.fs.Path(reference.toUri()), localFs());
        assertEquals("smoke", s.sweep());
        assertEquals("ok", s.status());
        assertEquals(List.of(4, 4, 0, 0), List.of(s.runs(), s.computed(), s.alreadyCommitted(), s.failed()));
        assertEquals(referenceReport.line(), s.message());
        assertEquals("client", s.deployMode());
        assertEquals(SharedSpark.session().sparkContext().applicationId(), s.applicationId());
        assertTrue(Instant.parse(s.started()).isBefore(Instant.parse(s.ended())), s.started() + " " + s.ended());
    }

    @Test
    void anInvocationStoppedByAnErrorLeavesAnErrorSummary() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("unwritable-log"));
        Files.writeString(out.resolve(CommitStore.FOLDER), "a file where the commit log's folder belongs");
        RuntimeException e = assertThrows(org.splitbnn.output.OutputWriteException.class,
                () -> driver(new ByteArrayOutputStream()).run(smoke, out.toString(), false));
        ClosingSummary s = ClosingSummary.read(new org.apache.hadoop.fs.Path(out.toUri()), localFs());
        assertEquals("error", s.status());
        assertEquals(e.getMessage(), s.message());
        assertNull(s.runs());
    }

    @Test
    void sameConfigGivesIdenticalTables() throws IOException {
        Path again = tmp.resolve("again");
        driver(new ByteArrayOutputStream()).run(smoke, again.toString(), false);
        assertSameTables(reference, again);
    }

    @Test
    void resumeComputesOnlyTheMissingRuns() throws IOException {
        Path out = tmp.resolve("resume");
        List<String> firstTwo = smoke.runs().stream().limit(2).map(RunSpec::runId).toList();
        driver(new ByteArrayOutputStream()).run(smoke.only(firstTwo), out.toString(), false);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SweepReport report = driver(progress).run(smoke, out.toString(), false);
        assertEquals(2, report.reused());
        assertEquals(2, report.computed());
        String lines = progress.toString(StandardCharsets.UTF_8);
        for (RunSpec r : smoke.runs()) {
            assertEquals(!firstTwo.contains(r.runId()), lines.contains(r.runId()), lines);
        }
        assertSameTables(reference, out);
        assertTrue(report.tablesWritten());
        Map<Path, FileTime> written = partFiles(out);
        SweepReport nothing = driver(new ByteArrayOutputStream()).run(smoke, out.toString(), false);
        assertEquals(0, nothing.computed());
        assertFalse(nothing.tablesWritten(), "nothing new: the tables stay as they are");
        assertEquals(written, partFiles(out));
        Sweep marked = new Sweep(smoke.name(), smoke.runs(), smoke.configText(), Set.of(firstTwo.get(0)),
                smoke.claims());
        assertTrue(driver(new ByteArrayOutputStream()).run(marked, out.toString(), false).tablesWritten(),
                "another figures mark changes the runs table");
        SweepReport all = driver(new ByteArrayOutputStream()).run(smoke, out.toString(), true);
        assertEquals(4, all.computed());
        assertSameTables(reference, out);
    }

    @Test
    void aRunThatThrowsIsRecordedAsFailedAndRetriedNextTime() throws IOException {
        RunSpec good = smoke.runs().get(0);
        // a grid step that passes the settings' check but gives far too many cells for the run's data
        RunSettings s = good.settings();
        RunSpec bad = new RunSpec("0000000000000bad", new RunSettings(s.prior(), s.priorHalfWidth(), s.hidden(),
                s.nlive(), s.nprior(), s.numRepeats(), s.sampler(), s.samplerSeed(), s.prominence(), s.posteriorSamples(), 1e-6,
                s.baselineStarts(), 2),
                good.train(), good.trainSha256(), good.tests(), good.outputs());
        Sweep sweep = new Sweep("failing", List.of(good, bad), "", Set.of(), ClaimSettings.defaults());
        Path out = tmp.resolve("failing");
        SweepReport report = driver(new ByteArrayOutputStream()).run(sweep, out.toString(), false);
        assertEquals(1, report.failed());
        List<Row> runs = SharedSpark.session().read().parquet(out.resolve("runs").toString())
                .orderBy("run_id").collectAsList();
        assertEquals("failed", runs.get(0).getAs("status"));
        assertTrue(runs.get(0).<String>getAs("error").contains("grid step 1.0E-6 gives"), runs.get(0).toString());
        assertNull(runs.get(0).getAs("log_z"));
        assertEquals("ok", runs.get(1).getAs("status"));
        List<Row> summary = SharedSpark.session().read().parquet(out.resolve("summary").toString()).collectAsList();
        assertEquals(1, summary.stream().mapToInt(r -> r.<Integer>getAs("runs_failed")).sum());
        assertEquals("failed_runs", ClosingSummary.read(new org.apache.hadoop.fs.Path(out.toUri()), localFs()).status());
        SweepReport retry = driver(new ByteArrayOutputStream()).run(sweep, out.toString(), false);
        assertEquals(1, retry.computed(), "only the failed run is tried again");
    }

    @Test
    void aRetriedTaskGivesOneIdenticalRow() throws IOException {
        Function<RunSpec, RunOutcome> flaky = spec -> {
            if (TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("simulated lost executor");
            }
            return new RunTask().call(spec);
        };
        Path out = tmp.resolve("flaky");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        SweepReport report = new SweepDriver(SharedSpark.session(), quiet, quiet, flaky, () -> { })
                .run(smoke, out.toString(), false);
        assertEquals(0, report.failed());
        assertSameTables(reference, out);
        Function<RunSpec, RunOutcome> broken = spec -> {
            throw new IllegalStateException("executor keeps dying");
        };
        Sweep one = smoke.only(List.of(smoke.runs().get(0).runId()));
        Path failed = tmp.resolve("broken");
        new SweepDriver(SharedSpark.session(), quiet, quiet, broken, () -> { }).run(one, failed.toString(), false);
        Row row = SharedSpark.session().read().parquet(failed.resolve("runs").toString()).first();
        assertEquals("failed", row.getAs("status"));
        assertTrue(row.<String>getAs("error").startsWith("Spark job failed"), row.<String>getAs("error"));
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThrows(IllegalArgumentException.class,
                () -> driver(new ByteArrayOutputStream()).run(smoke, other.toString(), false));
    }

    private static SweepDriver driver(ByteArrayOutputStream progress) {
        PrintStream p = new PrintStream(progress, true, StandardCharsets.UTF_8);
        return new SweepDriver(SharedSpark.session(), p, p);
    }

    /** Every part file of the tables in {@code out} with its modification time. */
    private static Map<Path, FileTime> partFiles(Path out) throws IOException {
        Map<Path, FileTime> files = new java.util.TreeMap<>();
        try (var s = Files.walk(out)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-")
                    && !f.startsWith(out.resolve(CommitStore.FOLDER))).toList()) {
                files.put(out.relativize(p), Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    private static FileSystem localFs() throws IOException {
        return FileSystem.getLocal(SharedSpark.session().sparkContext().hadoopConfiguration());
    }

    private static long count(SparkSession spark, String table, String runId, String condition) {
        return spark.read().parquet(reference.resolve(table).toString())
                .where("run_id = '" + runId + "'" + condition).count();
    }

    private static void assertSameTables(Path expected, Path actual) {
        assertEquals(List.of(), SharedSpark.differingTables(expected, actual), "tables that differ");
    }
}
