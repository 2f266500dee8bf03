package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a sweep on Spark: submits every run not yet committed as its own one-task job, commits each outcome as it
 * arrives (printing a progress line), then writes the tables from all committed runs of the grid.
 *
 * <p>Output folder layout: one Parquet folder per table ({@link Tables}, {@code summary}, {@code claims}, and
 * {@code training_points} when runs are marked for figures), {@code _commits/} (the
 * commit log, see {@link CommitStore}), {@code sweep.yaml} (the configuration of the last invocation) and
 * {@code _SUMMARY.json} (how the last invocation ended, see {@link ClosingSummary}). Runs whose
 * committed status is failed are tried again by the next invocation.
 */
public final class SweepDriver {

    private static final long POLL_MILLIS = 100;

    /** Runs submitted but not finished, at most: enough to keep any cluster busy, few enough for the scheduler. */
    private static final int MAX_JOBS_IN_FLIGHT = 1000;

    /** Rows per Parquet part file of a table (and per table-writing task). */
    private static final int ROWS_PER_FILE = 4_000;

    private final SparkSession spark;
    private final PrintStream progress;
    private final Function<RunSpec, RunOutcome> task;

    /** A driver that runs each run with {@link RunTask} and prints progress lines on {@code progress}. */
    public SweepDriver(SparkSession spark, PrintStream progress) {
        this(spark, progress, new RunTask());
    }

    /** A driver with another task function (tests use it to simulate failures). */
    SweepDriver(SparkSession spark, PrintStream progress, Function<RunSpec, RunOutcome> task) {
        this.spark = spark;
        this.progress = progress;
        this.task = task;
    }

    /**
     * Runs the sweep into {@code out} (any Hadoop path). With {@code overwrite}, earlier commits and tables are
     * removed first and every run is computed. However it ends, once {@code out} is accepted it writes
     * {@link ClosingSummary#FILE} there.
     *
     * @throws IllegalArgumentException when {@code out} holds something other than a sweep's output
     */
    public SweepReport run(Sweep sweep, String out, boolean overwrite) throws IOException {
        Instant started = Instant.now();
        Path outPath = new Path(out);
        FileSystem fs = outPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(outPath) && fs.listStatus(outPath).length > 0
                && !fs.exists(new Path(outPath, CommitStore.FOLDER))
                && !fs.exists(new Path(outPath, ClosingSummary.FILE))) {
            throw new IllegalArgumentException("--out " + out + " is not empty and holds no sweep (no "
                    + CommitStore.FOLDER + "/); choose another folder");
        }
        try {
            SweepReport report = runInto(sweep, outPath, fs, overwrite);
            ClosingSummary.finished(report, started, spark.sparkContext()).writeInto(outPath, fs);
            return report;
        } catch (IOException | RuntimeException | Error e) {
            try {
                ClosingSummary.error(sweep.name(), e, started, spark.sparkContext()).writeInto(outPath, fs);
            } catch (IOException | RuntimeException summaryError) {
                e.addSuppressed(summaryError);
            }
            throw e;
        }
    }

    private SweepReport runInto(Sweep sweep, Path outPath, FileSystem fs, boolean overwrite) throws IOException {
        CommitStore store = new CommitStore(outPath, spark.sparkContext().hadoopConfiguration());
        if (overwrite) {
            store.clear();
        }
        Map<String, RunOutcome> committed = store.load();
        List<RunSpec> pending = new ArrayList<>();
        for (RunSpec r : sweep.runs()) {
            RunOutcome o = committed.get(r.runId());
            if (o == null || !o.ok()) {
                pending.add(r);
            }
        }
        long start = System.nanoTime();
        double sumRunSeconds = 0;
        for (RunOutcome o : compute(pending, store)) {
            committed.put(o.runId(), o);
            sumRunSeconds += o.wallSeconds();
        }
        double runsSeconds = (System.nanoTime() - start) * 1e-9;
        long tablesStart = System.nanoTime();
        writeTables(sweep, committed, outPath, fs);
        try (FSDataOutputStream o = fs.create(new Path(outPath, "sweep.yaml"), true)) {
            o.write(sweep.configText().getBytes(StandardCharsets.UTF_8));
        }
        int failed = (int) sweep.runs().stream().filter(r -> !committed.get(r.runId()).ok()).count();
        return new SweepReport(sweep.name(), sweep.runs().size(), sweep.runs().size() - pending.size(),
                pending.size(), failed, runsSeconds, (System.nanoTime() - tablesStart) * 1e-9, sumRunSeconds,
                spark.sparkContext().defaultParallelism());
    }

    /**
     * Submits one job per run (at most {@link #MAX_JOBS_IN_FLIGHT} at a time, in grid order), then commits and
     * reports each outcome as its job ends.
     */
    private List<RunOutcome> compute(List<RunSpec> pending, CommitStore store) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Deque<RunSpec> queue = new ArrayDeque<>(pending);
        Map<RunSpec, JavaFutureAction<List<RunOutcome>>> jobs = new LinkedHashMap<>();
        long start = System.nanoTime();
        List<RunOutcome> done = new ArrayList<>();
        while (!queue.isEmpty() || !jobs.isEmpty()) {
            while (!queue.isEmpty() && jobs.size() < MAX_JOBS_IN_FLIGHT) {
                RunSpec r = queue.poll();
                jsc.setJobDescription("splitbnn run " + r.runId() + " (" + r.prior() + ", " + r.train().name()
                        + ", seed " + r.samplerSeed() + ")");
                jobs.put(r, jsc.parallelize(List.of(r), 1).map(task).collectAsync());
            }
            boolean any = false;
            for (var it = jobs.entrySet().iterator(); it.hasNext(); ) {
                var job = it.next();
                if (!job.getValue().isDone()) {
                    continue;
                }
                it.remove();
                any = true;
                RunOutcome o = outcome(job.getKey(), job.getValue(), (System.nanoTime() - start) * 1e-9);
                store.commit(o);
                done.add(o);
                progress.println(ProgressLine.of(job.getKey(), o, done.size(), pending.size(),
                        (System.nanoTime() - start) * 1e-9));
                progress.flush();
            }
            if (!any) {
                sleep();
            }
        }
        jsc.clearJobGroup();
        return done;
    }

    private static RunOutcome outcome(RunSpec spec, JavaFutureAction<List<RunOutcome>> job, double elapsed) {
        try {
            return job.get().get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return RunRows.failed(spec, "Spark job failed: " + RunTask.message(cause), elapsed,
                    new RunRows.Executor("unknown", "unknown"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for run " + spec.runId(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for runs", e);
        }
    }

    /** Writes every table from the committed outcomes of the grid's runs, in grid order. */
    private void writeTables(Sweep sweep, Map<String, RunOutcome> committed, Path out, FileSystem fs)
            throws IOException {
        TableSelection selection = sweep.runs().isEmpty() ? new TableSelection(false, false)
                : sweep.runs().get(0).outputs();
        Map<Path, Dataset<Row>> frames = new LinkedHashMap<>();
        for (Tables t : Tables.values()) {
            boolean wanted = switch (t) {
                case POSTERIOR -> selection.posterior();
                case PREDICTIONS -> selection.predictions();
                default -> true;
            };
            Path folder = new Path(out, t.folder());
            if (!wanted) {
                fs.delete(folder, true);
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (RunSpec r : sweep.runs()) {
                for (Row row : committed.get(r.runId()).rows(t)) {
                    rows.add(t == Tables.RUNS ? Tables.withFigures(row, sweep.figureRuns().contains(r.runId())) : row);
                }
            }
            frames.put(folder, frame(rows, t.schema()));
        }
        frames.put(new Path(out, SummaryTable.FOLDER),
                frame(SummaryTable.rows(sweep.runs(), committed), SummaryTable.SCHEMA));
        frames.put(new Path(out, ClaimsTableRows.FOLDER),
                frame(ClaimsTableRows.rows(sweep.runs(), committed, sweep.claims()), ClaimsTableRows.SCHEMA));
        Path trainingPoints = new Path(out, TrainingPointsTable.FOLDER);
        if (sweep.marked().isEmpty()) {
            fs.delete(trainingPoints, true);
        } else {
            frames.put(trainingPoints, frame(TrainingPointsTable.rows(sweep.marked()), TrainingPointsTable.SCHEMA));
        }
        // the writes are independent Spark jobs: running them side by side saves most of their start-up time
        frames.entrySet().parallelStream().forEach(e -> write(e.getValue(), e.getKey()));
    }

    /**
     * The rows as a data frame of consecutive slices of at most {@link #ROWS_PER_FILE} rows: each slice travels in
     * its own task and becomes one part file, in order, so tasks stay small however large a table grows.
     */
    private Dataset<Row> frame(List<Row> rows, StructType schema) {
        int slices = Math.max(1, (rows.size() + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
                schema);
    }

    private static void write(Dataset<Row> frame, Path folder) {
        frame.write().mode(SaveMode.Overwrite).parquet(folder.toString());
    }
}
