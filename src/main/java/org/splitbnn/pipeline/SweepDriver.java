package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.splitbnn.output.Table;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.output.OutputWriteException;

/**
 * Runs a sweep on Spark: submits every run not yet committed as its own one-task job, commits each outcome as it
 * arrives (printing a progress line), then writes the tables from all committed runs of the grid.
 *
 * <p>Output folder layout: one Parquet folder per table ({@link Tables}, {@code summary}, and
 * {@code training_points} when runs are marked for figures), {@code _commits/} (the
 * commit log, see {@link CommitStore}), {@code sweep.json} (the sweep that owns the folder), {@code sweep.yaml} (the
 * configuration of the last invocation), {@code _SUMMARY.json} (how the last invocation ended, see
 * {@link ClosingSummary}) and {@code _lock} while an invocation works in it ({@link SweepFolder}). Runs whose
 * committed status is failed are tried again by the next invocation.
 */
public final class SweepDriver {

    private static final long POLL_MILLIS = 100;

    /** Runs submitted but not finished, at most: enough to keep any cluster busy, few enough for the scheduler. */
    private static final int MAX_JOBS_IN_FLIGHT = 1000;

    /** Rows per Parquet part file of a table (and per table-writing task). */
    private static final int ROWS_PER_FILE = 4_000;

    /** The folder names of every table a sweep may write. */
    static final List<String> TABLE_FOLDERS = java.util.stream.Stream.concat(
            Tables.SWEEP.stream().map(Table::folder),
            java.util.stream.Stream.of(SummaryTable.FOLDER, TrainingPointsTable.FOLDER)).toList();

    private final SparkSession spark;
    private final PrintStream progress;
    private final PrintStream warnings;
    private final Function<RunSpec, RunOutcome> task;
    private final Runnable tableWritten;

    /**
     * A driver that runs each run with {@link RunTask}, prints progress lines on {@code progress} and warnings (an
     * unreadable commit, a repaired table) on {@code warnings}.
     */
    public SweepDriver(SparkSession spark, PrintStream progress, PrintStream warnings) {
        this(spark, progress, warnings, new RunTask(), () -> { });
    }

    /**
     * A driver with another task function and a hook called when the tables are staged, before they are swapped in
     * (tests use them to simulate failures and kills).
     */
    SweepDriver(SparkSession spark, PrintStream progress, PrintStream warnings, Function<RunSpec, RunOutcome> task,
                Runnable tableWritten) {
        this.spark = spark;
        this.progress = progress;
        this.warnings = warnings;
        this.task = task;
        this.tableWritten = tableWritten;
    }

    /**
     * Runs the sweep into {@code out} (any Hadoop path). With {@code overwrite}, earlier commits and tables are
     * removed first and every run is computed. However it ends, once {@code out} is accepted it writes
     * {@link ClosingSummary#FILE} there.
     *
     * @throws IllegalArgumentException when {@code out} holds something other than this sweep's output, or cannot
     *                                  be written
     * @throws SweepBusyException       when another invocation works in {@code out}
     * @throws OutputWriteException     when a commit or a table cannot be written (what was committed stays)
     */
    public SweepReport run(Sweep sweep, String out, boolean overwrite) throws IOException {
        Instant started = Instant.now();
        Path outPath = new Path(out);
        FileSystem fs = outPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (SweepFolder folder = SweepFolder.open(outPath, spark.sparkContext().hadoopConfiguration(),
                TABLE_FOLDERS, warnings::println)) {
            if (overwrite) {
                folder.clear();
            }
            CommitStore store = folder.commits();
            Map<String, RunOutcome> committed = store.load(warnings::println);
            folder.claim(sweep, committed.keySet());
            // from here on the folder is this sweep's: however the invocation ends, the closing summary says how
            try {
                SweepReport report = runInto(sweep, folder, committed);
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
    }

    /** Computes the runs of the grid not committed (or failed), then writes the tables from the log. */
    private SweepReport runInto(Sweep sweep, SweepFolder folder, Map<String, RunOutcome> committed)
            throws IOException {
        CommitStore store = folder.commits();
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
        try {
            writeTables(sweep, committed, folder);
            folder.writeConfig(sweep.configText());
        } catch (IOException | RuntimeException | FSError e) {
            throw new OutputWriteException("the tables in " + folder.path(), rootCause(e));
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
                jsc.setJobDescription("splitbnn run " + r.runId() + " (" + r.settings().prior() + ", "
                        + r.train().name() + ", seed " + r.settings().samplerSeed() + ")");
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
                try {
                    store.commit(o);
                } catch (IOException | RuntimeException | FSError e) {
                    throw new OutputWriteException("the commit of run " + o.runId() + " in " + store.dir(), e);
                }
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

    /**
     * Writes every table from the committed outcomes of the grid's runs, in grid order, into a staging folder, then
     * swaps them into place.
     */
    private void writeTables(Sweep sweep, Map<String, RunOutcome> committed, SweepFolder folder) throws IOException {
        TableSelection selection = sweep.runs().isEmpty() ? new TableSelection(false, false)
                : sweep.runs().get(0).outputs();
        Path staging = folder.staging();
        Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Table t : Tables.SWEEP) {
            boolean wanted = switch (t) {
                case POSTERIOR -> selection.posterior();
                case PREDICTIONS -> selection.predictions();
                default -> true;
            };
            if (!wanted) {
                dropped.add(t.folder());
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (RunSpec r : sweep.runs()) {
                for (Row row : committed.get(r.runId()).rows(t)) {
                    rows.add(t == Table.RUNS ? Tables.withFigures(row, sweep.figureRuns().contains(r.runId())) : row);
                }
            }
            frames.put(t.folder(), frame(rows, Tables.schema(t)));
        }
        frames.put(SummaryTable.FOLDER, frame(SummaryTable.rows(sweep.runs(), committed), SummaryTable.SCHEMA));
        frames.put(ClaimsTableRows.FOLDER, frame(ClaimsTableRows.rows(sweep.runs(), committed, sweep.claims()),
                ClaimsTableRows.SCHEMA));
        if (sweep.marked().isEmpty()) {
            dropped.add(TrainingPointsTable.FOLDER);
        } else {
            frames.put(TrainingPointsTable.FOLDER, frame(TrainingPointsTable.rows(sweep.marked()),
                    TrainingPointsTable.SCHEMA));
        }
        // the writes are independent Spark jobs: running them side by side saves most of their start-up time
        frames.entrySet().parallelStream().forEach(e -> write(e.getValue(), new Path(staging, e.getKey())));
        tableWritten.run();
        folder.swapIn(staging, List.copyOf(frames.keySet()), dropped);
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

    private static Throwable rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static void write(Dataset<Row> frame, Path folder) {
        frame.write().mode(SaveMode.Overwrite).parquet(folder.toString());
    }
}
