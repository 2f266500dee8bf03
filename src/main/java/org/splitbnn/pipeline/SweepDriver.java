package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.splitbnn.output.Table;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.data.Sha256;
import org.splitbnn.output.OutputWriteException;
import org.splitbnn.output.SplitbnnVersion;

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
            Map<String, CommitStore.Committed> committed = store.load(warnings::println);
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
    private SweepReport runInto(Sweep sweep, SweepFolder folder, Map<String, CommitStore.Committed> committed)
            throws IOException {
        CommitStore store = folder.commits();
        List<RunSpec> pending = new ArrayList<>();
        for (RunSpec r : sweep.runs()) {
            CommitStore.Committed c = committed.get(r.runId());
            if (c == null || !c.headline().ok()) {
                pending.add(r);
            }
        }
        long start = System.nanoTime();
        double sumRunSeconds = 0;
        for (CommitStore.Committed c : compute(pending, store)) {
            committed.put(c.headline().runId(), c);
            sumRunSeconds += c.headline().wallSeconds();
        }
        double runsSeconds = (System.nanoTime() - start) * 1e-9;
        long tablesStart = System.nanoTime();
        boolean written;
        try {
            if (!pending.isEmpty()) {
                store.writeIndex();
            }
            written = writeTables(sweep, committed, folder);
            folder.writeConfig(sweep.configText());
        } catch (IOException | RuntimeException | FSError e) {
            throw new OutputWriteException("the tables in " + folder.path(), rootCause(e));
        }
        int failed = (int) sweep.runs().stream().filter(r -> !committed.get(r.runId()).headline().ok()).count();
        return new SweepReport(sweep.name(), sweep.runs().size(), sweep.runs().size() - pending.size(),
                pending.size(), failed, runsSeconds, written, (System.nanoTime() - tablesStart) * 1e-9,
                sumRunSeconds, spark.sparkContext().defaultParallelism());
    }

    /**
     * Submits one job per run (at most {@link #MAX_JOBS_IN_FLIGHT} at a time, in grid order), then commits and
     * reports each outcome as its job ends; the driver keeps only what {@link CommitStore#commit} returns.
     */
    private List<CommitStore.Committed> compute(List<RunSpec> pending, CommitStore store) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Deque<RunSpec> queue = new ArrayDeque<>(pending);
        Map<RunSpec, JavaFutureAction<List<RunOutcome>>> jobs = new LinkedHashMap<>();
        long start = System.nanoTime();
        List<CommitStore.Committed> done = new ArrayList<>();
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
                    done.add(store.commit(o));
                } catch (IOException | RuntimeException | FSError e) {
                    throw new OutputWriteException("the commit of run " + o.runId() + " in " + store.dir(), e);
                }
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
     * Writes every table from the commits of the grid's runs, in grid order, into a staging folder, then swaps them
     * into place; does nothing when the tables in place were built from the same commits, marks and selection.
     * The per-run tables are Spark jobs reading the commits' files, so the driver never holds their rows.
     *
     * @return whether the tables were written
     */
    private boolean writeTables(Sweep sweep, Map<String, CommitStore.Committed> committed, SweepFolder folder)
            throws IOException {
        TableSelection selection = sweep.runs().isEmpty() ? new TableSelection(false, false)
                : sweep.runs().get(0).outputs();
        List<String> wanted = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Table t : Tables.SWEEP) {
            boolean write = switch (t) {
                case POSTERIOR -> selection.posterior();
                case PREDICTIONS -> selection.predictions();
                default -> true;
            };
            (write ? wanted : dropped).add(t.folder());
        }
        wanted.add(SummaryTable.FOLDER);
        wanted.add(ClaimsTableRows.FOLDER);
        (sweep.marked().isEmpty() ? dropped : wanted).add(TrainingPointsTable.FOLDER);
        String source = tablesSource(sweep, committed, wanted);
        if (folder.tablesBuiltFrom(source, wanted, dropped)) {
            return false;
        }
        Broadcast<Map<String, String>> hadoopConf = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(hadoopSettings());
        Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
        for (Table t : Tables.SWEEP) {
            if (wanted.contains(t.folder())) {
                frames.put(t.folder(), tableFrame(t, sweep, committed, hadoopConf));
            }
        }
        Map<String, RunHeadline> headlines = new HashMap<>();
        committed.forEach((id, c) -> headlines.put(id, c.headline()));
        frames.put(SummaryTable.FOLDER, frame(SummaryTable.rows(sweep.runs(), headlines), SummaryTable.SCHEMA));
        frames.put(ClaimsTableRows.FOLDER, frame(ClaimsTableRows.rows(studyRuns(sweep, committed), sweep.claims()),
                ClaimsTableRows.SCHEMA));
        if (!sweep.marked().isEmpty()) {
            frames.put(TrainingPointsTable.FOLDER, frame(TrainingPointsTable.rows(sweep.marked()),
                    TrainingPointsTable.SCHEMA));
        }
        Path staging = folder.staging();
        // the writes are independent Spark jobs: running them side by side saves most of their start-up time
        frames.entrySet().parallelStream().forEach(e -> write(e.getValue(), new Path(staging, e.getKey())));
        tableWritten.run();
        folder.swapIn(staging, List.copyOf(frames.keySet()), dropped, source);
        return true;
    }

    /**
     * What the tables are built from, as a SHA-256: the splitbnn version, the tables written, and per run of the grid
     * (in order) its id, its commit and whether it is marked for figures, and the claims' settings.
     */
    private static String tablesSource(Sweep sweep, Map<String, CommitStore.Committed> committed,
                                       List<String> tables) {
        StringBuilder sb = new StringBuilder(SplitbnnVersion.current()).append('\n').append(tables).append('\n')
                .append(sweep.claims()).append('\n');
        for (RunSpec r : sweep.runs()) {
            sb.append(r.runId()).append(' ').append(committed.get(r.runId()).folder().getName()).append(' ')
                    .append(sweep.figureRuns().contains(r.runId())).append('\n');
        }
        return Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A per-run table read from the commits of the grid's runs by Spark tasks: consecutive slices of runs of at most
     * {@link #ROWS_PER_FILE} rows (or one run's), one task and one part file each, so the rows come in grid order and
     * neither the driver nor a task holds more than a slice.
     */
    private Dataset<Row> tableFrame(Table t, Sweep sweep, Map<String, CommitStore.Committed> committed,
                                    Broadcast<Map<String, String>> hadoopConf) {
        List<List<CommitFile>> slices = new ArrayList<>();
        List<CommitFile> slice = new ArrayList<>();
        long rows = 0;
        for (RunSpec r : sweep.runs()) {
            CommitStore.Committed c = committed.get(r.runId());
            Integer n = c.rows().get(t);
            if (n == null) {
                continue;
            }
            if (!slice.isEmpty() && rows + n > ROWS_PER_FILE) {
                slices.add(slice);
                slice = new ArrayList<>();
                rows = 0;
            }
            slice.add(new CommitFile(c.file(t).toString(), sweep.figureRuns().contains(r.runId())));
            rows += n;
        }
        if (!slice.isEmpty()) {
            slices.add(slice);
        }
        JavaRDD<Row> read = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(slices, Math.max(1, slices.size()))
                .flatMap(readSlice(Tables.commitSchema(t), t == Table.RUNS, hadoopConf));
        return spark.createDataFrame(read, Tables.schema(t));
    }

    /**
     * A run's file of a table in the commit log, and whether the run is marked for figures.
     *
     * @param path   the file
     * @param marked the run's {@link Table#FIGURES} mark (for the runs table)
     */
    private record CommitFile(String path, boolean marked) implements Serializable {
    }

    /** What a table-writing task does: reads its slice's files in order (adding the figures mark to runs rows). */
    private static FlatMapFunction<List<CommitFile>, Row> readSlice(StructType schema, boolean runsTable,
                                                                   Broadcast<Map<String, String>> hadoopConf) {
        return files -> {
            Configuration conf = new Configuration(false);
            hadoopConf.value().forEach(conf::set);
            List<Row> out = new ArrayList<>();
            for (CommitFile f : files) {
                for (Row row : RowParquet.read(new Path(f.path()), conf, schema)) {
                    out.add(runsTable ? Tables.withFigures(row, f.marked()) : row);
                }
            }
            return out.iterator();
        };
    }

    /**
     * The study record of every finished run of the grid, in grid order, each read from its commit's files of the
     * tables it needs and then dropped, so the driver holds one run's rows at a time.
     */
    private List<StudyRun> studyRuns(Sweep sweep, Map<String, CommitStore.Committed> committed) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<StudyRun> study = new ArrayList<>();
        for (RunSpec r : sweep.runs()) {
            CommitStore.Committed c = committed.get(r.runId());
            if (!c.headline().ok()) {
                continue;
            }
            Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
            for (Table t : StudyRuns.TABLES) {
                rows.put(t, c.rows().containsKey(t) ? RowParquet.read(c.file(t), conf, Tables.commitSchema(t))
                        : List.of());
            }
            StudyRun s = StudyRuns.of(r, new RunOutcome(r.runId(), rows));
            if (s != null) {
                study.add(s);
            }
        }
        return study;
    }

    /** Every setting of the driver's Hadoop configuration, for the tasks that read the commit log. */
    private Map<String, String> hadoopSettings() {
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
            settings.put(e.getKey(), e.getValue());
        }
        return settings;
    }

    /** A small table computed on the driver as a frame of one partition. */
    private Dataset<Row> frame(List<Row> rows, StructType schema) {
        return spark.createDataFrame(rows, schema).coalesce(1);
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
