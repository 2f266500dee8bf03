package org.splitbnn.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.splitbnn.analysis.claims.StudyRun;
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
     * A per-run table: slices of consecutive commits of at most {@link #ROWS_PER_FILE} rows (or one commit's), one
     * task and one part file each, so that neither the driver nor a task holds more than a slice.
     */
    Dataset<Row> table(Table table) {
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
        JavaRDD<Row> read = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(slices, Math.max(1, slices.size()))
                .flatMap(readSlice(table, out, hadoop, damaged));
        return spark.createDataFrame(read, Tables.schema(table));
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

    /** What a table-reading task does: each commit's rows of the runs it counts for, the figures mark added. */
    private static FlatMapFunction<List<Part>, Row> readSlice(Table table, String out, Map<String, String> hadoop,
                                                            CollectionAccumulator<String> damaged) {
        return slice -> {
            var conf = BatchTask.configuration(hadoop);
            CommitStore store = new CommitStore(new Path(out), conf);
            int id = table.index("run_id");
            List<Row> rows = new ArrayList<>();
            for (Part p : slice) {
                Set<String> counted = new HashSet<>(p.runs().stream().map(RunSpec::runId).toList());
                try {
                    for (Row row : store.readTable(p.manifest(), table)) {
                        if (counted.contains(row.getString(id))) {
                            rows.add(table == Table.RUNS ? Tables.withFigures(row,
                                    p.marked().contains(row.getString(id))) : row);
                        }
                    }
                } catch (CommitStore.DamagedCommitException e) {
                    damaged.add(e.commit() + "\t" + e.getMessage());
                }
            }
            return rows.iterator();
        };
    }

    /** What a claims task does: the record of each finished run its commits count for. */
    private static FlatMapFunction<Part, StudyRunAt> studyRecords(String out, Map<String, String> hadoop,
                                                                 CollectionAccumulator<String> damaged) {
        return p -> {
            var conf = BatchTask.configuration(hadoop);
            CommitStore store = new CommitStore(new Path(out), conf);
            Map<Table, List<Row>> tables = new HashMap<>();
            try {
                for (Table t : StudyRuns.TABLES) {
                    tables.put(t, store.readTable(p.manifest(), t));
                }
            } catch (CommitStore.DamagedCommitException e) {
                damaged.add(e.commit() + "\t" + e.getMessage());
                return List.<StudyRunAt>of().iterator();
            }
            List<StudyRunAt> records = new ArrayList<>();
            for (int i = 0; i < p.runs().size(); i++) {
                RunSpec spec = p.runs().get(i);
                Map<Table, List<Row>> rows = new HashMap<>();
                tables.forEach((t, all) -> rows.put(t, all.stream()
                        .filter(r -> spec.runId().equals(r.getString(t.index("run_id")))).toList()));
                StudyRun s = StudyRuns.of(spec, new RunOutcome(spec.runId(), rows));
                if (s != null) {
                    records.add(new StudyRunAt(p.indices().get(i), s));
                }
            }
            return records.iterator();
        };
    }
}
