package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * The sweep's tables and the claims' per-run records, read from the commit log by Spark tasks: each task reads a
 * slice of commits (checking every file against its manifest) and keeps the rows of the runs each commit counts for
 * ({@link CommitStore#winners}); the driver plans the slices from the manifests and never holds a row. A commit
 * found damaged is reported in {@link #damaged()} and its rows left out, so that the caller can quarantine it and
 * compute its runs again before any table built from it is kept.
 */
final class CommitTables {

    /** Rows per Parquet part file of a table (and per reading task), at most, unless one commit holds more. */
    static final int ROWS_PER_FILE = 4_000;

    private final SparkSession spark;
    private final String out;
    private final Map<String, String> hadoop;
    private final List<Part> parts;
    private final CollectionAccumulator<String> damaged;
    private final CollectionAccumulator<String> unwritten;

    /**
     * A reader of the commits of {@code sweep}'s runs in the sweep folder {@code out}.
     *
     * @param winners the commit that counts for each run of the grid
     * @param log     every readable commit's manifest
     * @param hadoop  the Hadoop settings the tasks read with
     */
    CommitTables(SparkSession spark, String out, Map<String, String> hadoop, Sweep sweep,
                 Map<String, CommitStore.Committed> winners, List<CommitManifest> log) {
        this.spark = spark;
        this.out = out;
        this.hadoop = hadoop;
        this.parts = parts(sweep, winners, log);
        this.damaged = spark.sparkContext().collectionAccumulator("splitbnn damaged commits");
        this.unwritten = spark.sparkContext().collectionAccumulator("splitbnn unwritten table files");
    }

    /**
     * One commit as a reading task sees it: its manifest, the runs it counts for (in grid order, each with its spec
     * and its {@link Table#FIGURES} mark).
     */
    private record Part(CommitManifest manifest, List<RunSpec> runs, List<Integer> indices, Set<String> marked)
            implements Serializable {
    }

    /** The commits that count for a grid run, each with its runs, ordered by their first run in the grid. */
    private static List<Part> parts(Sweep sweep, Map<String, CommitStore.Committed> winners,
                                    List<CommitManifest> log) {
        Map<String, CommitManifest> byName = new HashMap<>();
        log.forEach(m -> byName.put(m.commit(), m));
        Map<String, List<Integer>> runs = new LinkedHashMap<>();
        for (int i = 0; i < sweep.runs().size(); i++) {
            CommitStore.Committed c = winners.get(sweep.runs().get(i).runId());
            if (c != null) {
                runs.computeIfAbsent(c.commit(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Part> parts = new ArrayList<>();
        runs.forEach((commit, indices) -> {
            List<RunSpec> specs = indices.stream().map(sweep.runs()::get).toList();
            parts.add(new Part(byName.get(commit), specs, indices, new HashSet<>(specs.stream().map(RunSpec::runId)
                    .filter(sweep.figureRuns()::contains).toList())));
        });
        return parts;
    }

    /** The commits found damaged so far: folder name to what is wrong. */
    Map<String, String> damaged() {
        Map<String, String> out = new HashMap<>();
        for (String d : damaged.value()) {
            out.put(d.substring(0, d.indexOf('\t')), d.substring(d.indexOf('\t') + 1));
        }
        return out;
    }

    /**
     * Writes each per-run table of {@code tables} into its folder of {@code staging}, then marks each folder
     * complete ({@link ParquetTable#SUCCESS}). One Spark job: each task reads a slice of consecutive commits (at most
     * {@link #ROWS_PER_FILE} rows, or one commit's) and writes its rows as one part file, so that neither the driver
     * nor a task holds more than a slice. A slice of one commit that counts for all its runs, and whose file has the
     * table's schema, is copied as it is. A table without rows gets one part file without rows, which still holds
     * its schema.
     *
     * @throws IOException when a part file could not be written (a full disk, say), naming it
     */
    void write(List<Table> tables, Path staging) throws IOException {
        List<PartFile> files = new ArrayList<>();
        for (Table t : tables) {
            List<List<Part>> slices = slices(t);
            if (slices.isEmpty()) {
                slices.add(List.of());
            }
            for (int i = 0; i < slices.size(); i++) {
                files.add(new PartFile(t, TableFiles.part(new Path(staging, t.folder()), i).toString(),
                        slices.get(i)));
            }
        }
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, files.size())
                .foreach(writePart(out, hadoop, damaged, unwritten));
        if (!unwritten.value().isEmpty()) {
            throw new IOException(unwritten.value().get(0));
        }
        for (Table t : tables) {
            TableFiles.complete(new Path(staging, t.folder()), spark.sparkContext().hadoopConfiguration());
        }
    }

    /** One part file of a table to write: its path and the commits it is read from. */
    private record PartFile(Table table, String path, List<Part> slice) implements Serializable {
    }

    /** Consecutive commits with rows in {@code table}, at most {@link #ROWS_PER_FILE} rows (or one commit) each. */
    private List<List<Part>> slices(Table table) {
        List<List<Part>> slices = new ArrayList<>();
        List<Part> slice = new ArrayList<>();
        long rows = 0;
        for (Part p : parts) {
            long n = p.runs().stream().mapToLong(r -> rowsOf(p, r, table)).sum();
            if (n == 0) {
                continue;
            }
            if (!slice.isEmpty() && rows + n > ROWS_PER_FILE) {
                slices.add(slice);
                slice = new ArrayList<>();
                rows = 0;
            }
            slice.add(p);
            rows += n;
        }
        if (!slice.isEmpty()) {
            slices.add(slice);
        }
        return slices;
    }

    /** The claims' record of every finished run of the grid, in grid order, computed by Spark tasks. */
    List<StudyRun> studyRuns() {
        List<Part> finished = parts.stream().filter(p -> p.manifest().runs().stream()
                .anyMatch(r -> r.headline().ok())).toList();
        int slices = Math.max(1, Math.min(finished.size(), spark.sparkContext().defaultParallelism() * 4));
        List<StudyRunAt> records = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(finished, slices).flatMap(studyRecords(out, hadoop, damaged)).collect();
        return records.stream().sorted(Comparator.comparingInt(StudyRunAt::index)).map(StudyRunAt::run).toList();
    }

    /** A run's claims record and its index in the grid. */
    private record StudyRunAt(int index, StudyRun run) implements Serializable {
    }

    private static long rowsOf(Part p, RunSpec run, Table table) {
        return p.manifest().runs().stream().filter(e -> e.headline().runId().equals(run.runId())).findFirst()
                .map(e -> e.rows().getOrDefault(table.folder(), 0)).orElse(0);
    }

    /**
     * What a table-writing task does: reads its slice's commits (a damaged one is reported and the file not
     * written) and places the part file; a file it cannot write is reported, not thrown, so that a full disk ends
     * the sweep with one line rather than Spark's task failures.
     */
    private static VoidFunction<PartFile> writePart(String out, Map<String, String> hadoop,
                                                    CollectionAccumulator<String> damaged,
                                                    CollectionAccumulator<String> unwritten) {
        return f -> {
            var conf = BatchTask.configuration(hadoop);
            CommitStore store = new CommitStore(new Path(out), conf);
            byte[] bytes;
            try {
                bytes = f.slice().size() == 1 ? asItIs(store, f.slice().get(0), f.table(), conf) : null;
            } catch (CommitStore.DamagedCommitException e) {
                damaged.add(e.commit() + "\t" + e.getMessage());
                return;
            }
            if (bytes == null) {
                List<Row> rows = new ArrayList<>();
                boolean whole = true;
                for (Part p : f.slice()) {
                    whole &= addRows(store, p, f.table(), rows, damaged);
                }
                if (!whole) {
                    return;
                }
                bytes = RowParquet.write(Tables.schema(f.table()), rows, conf);
            }
            Path file = new Path(f.path());
            try {
                RawFiles.of(file, conf).place(file, bytes);
            } catch (IOException | FSError e) {
                unwritten.add(file + ": " + RunTask.message(e));
            }
        };
    }

    /**
     * The bytes of {@code p}'s file of {@code table} when they can be the table's part file as they are (the commit
     * counts for all its runs and the file has the table's schema), otherwise null.
     *
     * @throws CommitStore.DamagedCommitException when the file differs from the manifest or is no Parquet file
     */
    private static byte[] asItIs(CommitStore store, Part p, Table table, Configuration conf)
            throws CommitStore.DamagedCommitException {
        if (table == Table.RUNS || p.runs().size() != p.manifest().runs().size()) {
            return null;
        }
        byte[] bytes = store.readFile(p.manifest(), table);
        try {
            return RowParquet.hasSchema(bytes, Tables.schema(table), conf) ? bytes : null;
        } catch (IOException | RuntimeException e) {
            throw new CommitStore.DamagedCommitException(p.manifest().commit(), RunTask.message(e));
        }
    }

    /**
     * Adds the rows of {@code p}'s file of {@code table} for the runs it counts for to {@code rows} (the runs table's
     * figures mark added); returns false, having reported it, when the commit is damaged.
     */
    private static boolean addRows(CommitStore store, Part p, Table table, List<Row> rows,
                                   CollectionAccumulator<String> damaged) {
        int id = table.index("run_id");
        Set<String> counted = new HashSet<>(p.runs().stream().map(RunSpec::runId).toList());
        try {
            for (Row row : store.readTable(p.manifest(), table)) {
                if (counted.contains(row.getString(id))) {
                    rows.add(table == Table.RUNS ? Tables.withFigures(row, p.marked().contains(row.getString(id)))
                            : row);
                }
            }
            return true;
        } catch (CommitStore.DamagedCommitException e) {
            damaged.add(e.commit() + "\t" + e.getMessage());
            return false;
        }
    }

    /** What a claims task does: the record of each finished run its commits count for. */
    private static FlatMapFunction<Part, StudyRunAt> studyRecords(String out, Map<String, String> hadoop,
                                                                 CollectionAccumulator<String> damaged) {
        return p -> {
            var conf = BatchTask.configuration(hadoop);
            CommitStore store = new CommitStore(new Path(out), conf);
            Map<String, Map<Table, List<Row>>> byRun = new HashMap<>();
            try {
                for (Table t : StudyRuns.TABLES) {
                    int id = t.index("run_id");
                    for (Row r : store.readTable(p.manifest(), t)) {
                        byRun.computeIfAbsent(r.getString(id), k -> new HashMap<>())
                                .computeIfAbsent(t, k -> new ArrayList<>()).add(r);
                    }
                }
            } catch (CommitStore.DamagedCommitException e) {
                damaged.add(e.commit() + "\t" + e.getMessage());
                return List.<StudyRunAt>of().iterator();
            }
            List<StudyRunAt> records = new ArrayList<>();
            for (int i = 0; i < p.runs().size(); i++) {
                RunSpec spec = p.runs().get(i);
                Map<Table, List<Row>> rows = new HashMap<>();
                for (Table t : StudyRuns.TABLES) {
                    rows.put(t, byRun.getOrDefault(spec.runId(), Map.of()).getOrDefault(t, List.of()));
                }
                StudyRun s = StudyRuns.of(spec, new RunOutcome(spec.runId(), rows));
                if (s != null) {
                    records.add(new StudyRunAt(p.indices().get(i), s));
                }
            }
            return records.iterator();
        };
    }
}
