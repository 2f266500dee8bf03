package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.spark.FutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.splitbnn.data.Sha256;
import org.splitbnn.output.OutputWriteException;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.output.Table;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep on Spark: submits every run not yet committed as one Spark job whose tasks each compute a batch of
 * runs ({@link RunBatches}) and commit it from the executor ({@link BatchTask}); prints progress as the tasks report
 * their commits' manifests; then writes the tables from the commits of the grid ({@link CommitTables}).
 *
 * <p>Output folder layout: one Parquet folder per table ({@link Tables}, {@code summary}, {@code claims}, and
 * {@code training_points} when runs are marked for figures), {@code _commits/} (the commit log, see
 * {@link CommitStore}), {@code sweep.json} (the sweep that owns the folder), {@code sweep.yaml} (the configuration of
 * the last invocation), {@code _SUMMARY.json} (how the last invocation ended, see {@link ClosingSummary}) and
 * {@code _lock} while an invocation works in it ({@link SweepFolder}). Runs whose committed status is failed are
 * tried again by the next invocation.
 */
public final class SweepDriver {

    private static final long POLL_MILLIS = 50;

    /** Spark jobs in flight, at most, when runs are computed one job each (after a task failure). */
    private static final int MAX_JOBS_IN_FLIGHT = 1000;

    /** Times the tables are built, at most, when commits are found damaged while they are read. */
    private static final int MAX_TABLE_ROUNDS = 3;

    /** The folder names of every table a sweep may write. */
    static final List<String> TABLE_FOLDERS = java.util.stream.Stream.concat(
            Tables.SWEEP.stream().map(Table::folder),
            java.util.stream.Stream.of(SummaryTable.FOLDER, TrainingPointsTable.FOLDER)).toList();

    private final SparkSession spark;
    private final PrintStream progress;
    private final PrintStream warnings;
    private final ProgressMode mode;
    private final Function<RunSpec, RunOutcome> task;
    private final Runnable tableWritten;

    /** A driver that runs each run with {@link RunTask} and prints progress as {@link ProgressMode#AUTO} says. */
    public SweepDriver(SparkSession spark, PrintStream progress, PrintStream warnings) {
        this(spark, progress, warnings, ProgressMode.AUTO);
    }

    /**
     * A driver that runs each run with {@link RunTask}, prints progress on {@code progress} as {@code mode} says
     * and warnings (an unreadable commit, a repaired table) on {@code warnings}.
     */
    public SweepDriver(SparkSession spark, PrintStream progress, PrintStream warnings, ProgressMode mode) {
        this(spark, progress, warnings, mode, new RunTask(), () -> { });
    }

    /**
     * A driver with another task function and a hook called when the tables are staged, before they are swapped in
     * (tests and benchmarks use them to simulate failures, kills and free runs).
     */
    SweepDriver(SparkSession spark, PrintStream progress, PrintStream warnings, Function<RunSpec, RunOutcome> task,
                Runnable tableWritten) {
        this(spark, progress, warnings, ProgressMode.AUTO, task, tableWritten);
    }

    /** A driver with another task function, a table hook and a progress mode. */
    SweepDriver(SparkSession spark, PrintStream progress, PrintStream warnings, ProgressMode mode,
                Function<RunSpec, RunOutcome> task, Runnable tableWritten) {
        this.spark = spark;
        this.progress = progress;
        this.warnings = warnings;
        this.mode = mode;
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
     * @throws OutputWriteException     when a commit, a table or another file of {@code out} cannot be written (what
     *                                  was committed stays)
     */
    public SweepReport run(Sweep sweep, String out, boolean overwrite) throws IOException {
        Instant started = Instant.now();
        Path outPath = new Path(out);
        try (SweepFolder folder = SweepFolder.open(outPath, spark.sparkContext().hadoopConfiguration(),
                TABLE_FOLDERS, warnings::println)) {
            if (overwrite) {
                folder.clear();
            }
            List<CommitManifest> log = folder.commits().load(warnings::println);
            folder.claim(sweep, CommitStore.winners(log).keySet());
            // from here on the folder is this sweep's: however the invocation ends, the closing summary says how
            try {
                SweepReport report = runInto(sweep, folder, log);
                folder.writeSummary(ClosingSummary.finished(report, started, spark.sparkContext()));
                return report;
            } catch (IOException | RuntimeException | Error e) {
                try {
                    folder.writeSummary(ClosingSummary.error(sweep.name(), e, started, spark.sparkContext()));
                } catch (IOException | RuntimeException | Error summaryError) {
                    e.addSuppressed(summaryError);
                }
                throw e;
            }
        }
    }

    /**
     * Computes the runs of the grid not committed (or failed), then writes the tables from the log; a commit found
     * damaged while the tables are read is quarantined, its runs computed again and the tables built anew.
     */
    private SweepReport runInto(Sweep sweep, SweepFolder folder, List<CommitManifest> log) throws IOException {
        Map<String, String> hadoop = hadoopSettings();
        Set<String> attempted = new HashSet<>();
        double runsSeconds = 0;
        double tablesSeconds = 0;
        boolean written = false;
        Map<String, CommitStore.Committed> winners = CommitStore.winners(log);
        for (int round = 1; ; round++) {
            List<RunSpec> pending = new ArrayList<>();
            for (RunSpec r : sweep.runs()) {
                CommitStore.Committed c = winners.get(r.runId());
                if (c == null || !c.headline().ok() && !attempted.contains(r.runId())) {
                    pending.add(r);
                    attempted.add(r.runId());
                }
            }
            long start = System.nanoTime();
            log = compute(pending, folder, log, hadoop);
            winners = CommitStore.winners(log);
            runsSeconds += (System.nanoTime() - start) * 1e-9;
            long tablesStart = System.nanoTime();
            Map<String, String> damaged;
            try {
                TablesWritten tables = writeTables(sweep, winners, log, folder, hadoop);
                damaged = tables.damaged();
                written |= tables.written();
                if (damaged.isEmpty()) {
                    folder.writeConfig(sweep.configText());
                }
            } catch (IOException | RuntimeException | FSError e) {
                throw new OutputWriteException("the tables in " + folder.path(), rootCause(e));
            }
            tablesSeconds += (System.nanoTime() - tablesStart) * 1e-9;
            if (damaged.isEmpty()) {
                break;
            }
            if (round == MAX_TABLE_ROUNDS) {
                throw new OutputWriteException("the tables in " + folder.path(), new IOException("commits were "
                        + "found damaged in " + round + " readings in a row: " + damaged.keySet()));
            }
            for (Map.Entry<String, String> d : damaged.entrySet()) {
                folder.commits().quarantine(d.getKey(), d.getValue(), warnings::println);
            }
            log = log.stream().filter(m -> !damaged.containsKey(m.commit())).toList();
            winners = CommitStore.winners(log);
        }
        Map<String, CommitStore.Committed> counted = winners;
        int failed = (int) sweep.runs().stream().filter(r -> !counted.get(r.runId()).headline().ok()).count();
        double sumRunSeconds = attempted.stream().mapToDouble(id -> counted.get(id).headline().wallSeconds()).sum();
        return new SweepReport(sweep.name(), sweep.runs().size(), sweep.runs().size() - attempted.size(),
                attempted.size(), failed, runsSeconds, written, tablesSeconds, sumRunSeconds,
                spark.sparkContext().defaultParallelism());
    }

    /**
     * Computes {@code pending} as one Spark job of batches, each task committing its own batch; after a task
     * failure, the runs without a commit are computed one job each, and a run whose own job fails is committed as
     * failed by the driver. Returns the log with the new commits (and any a retried or speculative task left).
     */
    private List<CommitManifest> compute(List<RunSpec> pending, SweepFolder folder, List<CommitManifest> log,
                                         Map<String, String> hadoop) throws IOException {
        if (pending.isEmpty()) {
            return log;
        }
        Map<String, RunSpec> specs = new HashMap<>();
        pending.forEach(r -> specs.put(r.runId(), r));
        List<CommitManifest> grown = new ArrayList<>(log);
        SweepProgress shown = new SweepProgress(progress, pending.size(), mode);
        String[] commitError = {null};
        Consumer<BatchTask.Result> onResult = r -> {
            if (r.manifest() == null) {
                if (commitError[0] == null) {
                    commitError[0] = "the commit of run " + r.runIds().get(0)
                            + (r.runIds().size() > 1 ? " and " + (r.runIds().size() - 1) + " more" : "") + " in "
                            + folder.commits().dir() + ": " + r.commitError();
                }
                return;
            }
            grown.add(r.manifest());
            r.manifest().runs().forEach(e -> shown.finished(specs.get(e.headline().runId()), e.headline()));
        };
        BatchTask batchTask = new BatchTask(task, folder.path().toString(), hadoop);
        List<List<RunSpec>> batches = RunBatches.of(pending, spark.sparkContext().defaultParallelism());
        Map<List<RunSpec>, String> unfinished = runJobs(List.of(batches), batchTask, onResult);
        if (!unfinished.isEmpty()) {
            List<List<List<RunSpec>>> alone = unfinished.keySet().stream().flatMap(List::stream)
                    .map(r -> List.of(List.of(r))).toList();
            warnings.println("sweep: a Spark job failed (" + unfinished.values().iterator().next() + "); its "
                    + alone.size() + " unfinished runs are computed one job each");
            for (Map.Entry<List<RunSpec>, String> f : runJobs(alone, batchTask, onResult).entrySet()) {
                RunSpec r = f.getKey().get(0);
                onResult.accept(BatchTask.commit(List.of(r.runId()), List.of(RunRows.failed(r, "Spark job failed: "
                        + f.getValue(), 0, new RunRows.Executor("unknown", "unknown"))), folder.path().toString(),
                        BatchTask.configuration(hadoop)));
            }
        }
        shown.end();
        if (commitError[0] != null) {
            throw new OutputWriteException(commitError[0].substring(0, commitError[0].lastIndexOf(": ")),
                    new IOException(commitError[0].substring(commitError[0].lastIndexOf(": ") + 2)));
        }
        return folder.commits().load(grown, warnings::println);
    }

    /**
     * Runs each group of {@code jobs} as one Spark job (at most {@link #MAX_JOBS_IN_FLIGHT} at a time), handing
     * every task's result to {@code onResult} as it arrives; returns each batch of a failed job that sent no
     * result, with the job's failure.
     */
    private Map<List<RunSpec>, String> runJobs(List<List<List<RunSpec>>> jobs, BatchTask batchTask,
                                              Consumer<BatchTask.Result> onResult) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ConcurrentLinkedQueue<BatchTask.Result> results = new ConcurrentLinkedQueue<>();
        Map<List<RunSpec>, String> unfinished = new LinkedHashMap<>();
        Set<String> received = new HashSet<>();
        Deque<List<List<RunSpec>>> queue = new ArrayDeque<>(jobs);
        Map<List<List<RunSpec>>, FutureAction<Object>> running = new LinkedHashMap<>();
        scala.Function1<scala.collection.Iterator<List<RunSpec>>, BatchTask.Result> work =
                (scala.Function1<scala.collection.Iterator<List<RunSpec>>, BatchTask.Result> & Serializable)
                        batch -> batchTask.call(batch.next());
        while (!queue.isEmpty() || !running.isEmpty()) {
            while (!queue.isEmpty() && running.size() < MAX_JOBS_IN_FLIGHT) {
                List<List<RunSpec>> job = queue.poll();
                jsc.setJobDescription("splitbnn: " + job.stream().mapToInt(List::size).sum() + " runs in "
                        + job.size() + " tasks");
                List<Object> partitions = new ArrayList<>();
                for (int i = 0; i < job.size(); i++) {
                    partitions.add(i);
                }
                running.put(job, spark.sparkContext().submitJob(jsc.parallelize(job, job.size()).rdd(), work,
                        CollectionConverters.asScala(partitions).toSeq(),
                        (scala.Function2<Object, BatchTask.Result, BoxedUnit>) (index, result) -> {
                            results.add(result);
                            return BoxedUnit.UNIT;
                        }, (scala.Function0<Object>) () -> null));
            }
            boolean any = false;
            for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                var job = it.next();
                if (!job.getValue().isCompleted()) {
                    continue;
                }
                it.remove();
                any = true;
                drain(results, received, onResult);
                scala.util.Try<Object> ended = job.getValue().value().get();
                if (ended.isFailure()) {
                    String why = RunTask.message(rootCause(ended.failed().get()));
                    job.getKey().stream().filter(b -> !received.contains(b.get(0).runId()))
                            .forEach(b -> unfinished.put(b, why));
                }
            }
            any |= drain(results, received, onResult);
            if (!any) {
                sleep();
            }
        }
        jsc.clearJobGroup();
        return unfinished;
    }

    /** Hands every result waiting in {@code results} to {@code onResult}; whether there was one. */
    private static boolean drain(ConcurrentLinkedQueue<BatchTask.Result> results, Set<String> received,
                                 Consumer<BatchTask.Result> onResult) {
        boolean any = false;
        for (BatchTask.Result r = results.poll(); r != null; r = results.poll()) {
            received.add(r.runIds().get(0));
            onResult.accept(r);
            any = true;
        }
        return any;
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
     * What {@link #writeTables} did.
     *
     * @param written whether it swapped new tables in
     * @param damaged the commits found damaged (folder name to what is wrong), in which case nothing is swapped in
     */
    private record TablesWritten(boolean written, Map<String, String> damaged) {
    }

    /**
     * Writes every table from the commits of the grid's runs into a staging folder, then swaps them into place;
     * does nothing when the tables in place were built from the same commits, marks and selection. The per-run
     * tables and the claims' records are read from the commits by Spark tasks, so the driver never holds their rows.
     *
     */
    private TablesWritten writeTables(Sweep sweep, Map<String, CommitStore.Committed> winners,
                                            List<CommitManifest> log, SweepFolder folder, Map<String, String> hadoop)
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
        String source = tablesSource(sweep, winners, wanted);
        if (folder.tablesBuiltFrom(source, wanted, dropped)) {
            return new TablesWritten(false, Map.of());
        }
        CommitTables commits = new CommitTables(spark, folder.path().toString(), hadoop, sweep, winners, log);
        Path staging = folder.staging();
        List<Table> perRun = Tables.SWEEP.stream().filter(t -> wanted.contains(t.folder())).toList();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> tables = pool.submit(() -> {
                commits.write(perRun, staging);
                return null;
            });
            Map<String, RunHeadline> headlines = new HashMap<>();
            winners.forEach((id, c) -> headlines.put(id, c.headline()));
            TableFiles.write(new Path(staging, SummaryTable.FOLDER), SummaryTable.SCHEMA,
                    SummaryTable.rows(sweep.runs(), headlines), conf);
            if (!sweep.marked().isEmpty()) {
                TableFiles.write(new Path(staging, TrainingPointsTable.FOLDER), TrainingPointsTable.SCHEMA,
                        TrainingPointsTable.rows(sweep.marked()), conf);
            }
            TableFiles.write(new Path(staging, ClaimsTableRows.FOLDER), ClaimsTableRows.SCHEMA,
                    ClaimsTableRows.rows(commits.studyRuns(), sweep.claims()), conf);
            tables.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw discarding(staging, folder, new IOException("interrupted while writing the tables", e));
        } catch (ExecutionException e) {
            throw discarding(staging, folder, e.getCause());
        } catch (IOException | RuntimeException | FSError e) {
            throw discarding(staging, folder, e);
        } finally {
            pool.shutdownNow();
        }
        if (!commits.damaged().isEmpty()) {
            folder.discard(staging);
            return new TablesWritten(false, commits.damaged());
        }
        tableWritten.run();
        folder.swapIn(staging, wanted, dropped, source);
        return new TablesWritten(true, Map.of());
    }

    /**
     * {@code failure} as an IOException or unchecked exception to throw, once the staging folder is removed (as far as
     * it can be: a full disk may refuse even that; the next invocation removes what is left).
     */
    private static IOException discarding(Path staging, SweepFolder folder, Throwable failure) {
        try {
            folder.discard(staging);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error err) {
            throw err;
        }
        return failure instanceof IOException io ? io : new IOException(failure);
    }

    /**
     * What the tables are built from, as a SHA-256: the splitbnn version, the tables written, and per run of the grid
     * (in order) its id, the commit that counts for it and whether it is marked for figures, and the claims' settings.
     */
    private static String tablesSource(Sweep sweep, Map<String, CommitStore.Committed> winners,
                                       List<String> tables) {
        StringBuilder sb = new StringBuilder(SplitbnnVersion.current()).append('\n').append(tables).append('\n')
                .append(sweep.claims()).append('\n');
        for (RunSpec r : sweep.runs()) {
            sb.append(r.runId()).append(' ').append(winners.get(r.runId()).commit()).append(' ')
                    .append(sweep.figureRuns().contains(r.runId())).append('\n');
        }
        return Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every setting of the driver's Hadoop configuration, for the tasks that read and write the commit log. */
    private Map<String, String> hadoopSettings() {
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
            settings.put(e.getKey(), e.getValue());
        }
        return settings;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
