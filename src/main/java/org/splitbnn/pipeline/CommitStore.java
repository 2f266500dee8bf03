package org.splitbnn.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.splitbnn.output.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sweep's commit log: one folder per committed run outcome, {@code OUT/_commits/<run id>.<time>-<random>/},
 * holding one Parquet file per table the run has rows in ({@code runs.parquet}, {@code modes.parquet}, ...), with
 * the table's columns ({@link Table}), and in each file's metadata the commit format version and the commit's
 * manifest (every file and its rows, checked when read). A commit is written
 * into a temporary folder ({@code _commits/_tmp.*}) and renamed into place, so a reader sees the whole commit or
 * none; it is written once under a unique name and never rewritten. Works on any Hadoop file system (local, HDFS,
 * ...); Spark reads the log as tables ({@code _commits/*}{@code /runs.parquet}).
 *
 * <p>The driver keeps of each commit only its folder, its tables' row counts and the run's headline
 * ({@link Committed}); the tables are built from the commits' files by Spark, so the driver's memory does not grow
 * with the rows. Loading reads each commit's {@code runs} and {@code generalisation} rows (one and a few dozen) and
 * the other files' footers, many commits at a time, once: {@link #INDEX} keeps what was read of every commit (a cache
 * of the log, checked against its listing and rebuilt when unreadable), so a resume reads one file, not every
 * commit.
 *
 * <p>A run committed more than once (a failed run computed again) has several folders: its finished outcome wins,
 * else its latest. An entry that cannot be read (a crash or a full disk while writing, an earlier build's format) is
 * reported by its path and moved to {@code _commits/_quarantine/}, and its run counts as not committed. An entry of a
 * newer format version is left alone and not read.
 */
final class CommitStore {

    static final String FOLDER = "_commits";
    static final String QUARANTINE = "_quarantine";

    /** Version of the commit layout, in every file's metadata under {@link #FORMAT_KEY}. */
    static final int FORMAT_VERSION = 1;
    static final String FORMAT_KEY = "splitbnn.commit.format_version";

    /**
     * Metadata key of a commit's manifest, {@code table=rows,...}: every table file of the commit and its rows, so
     * that a commit missing a file or rows (a store whose rename is not atomic) is found unreadable.
     */
    static final String MANIFEST_KEY = "splitbnn.commit.tables";

    /** The index of the log: one row per commit read, with what the driver keeps of it. */
    static final String INDEX = "_index.parquet";

    private static final StructType INDEX_SCHEMA = new StructType()
            .add("commit", DataTypes.StringType).add("run_id", DataTypes.StringType)
            .add("ok", DataTypes.BooleanType).add("log_z", DataTypes.DoubleType)
            .add("log_z_err", DataTypes.DoubleType).add("prominent_modes", DataTypes.IntegerType)
            .add("distinct_functions", DataTypes.IntegerType).add("wall_seconds", DataTypes.DoubleType).add("full_beats_top_mode", DataTypes.BooleanType)
            .add("rows", DataTypes.StringType);

    private static final String TMP = "_tmp.";
    private static final String SUFFIX = ".parquet";
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})\\.(\\d{8}T\\d{9}Z-[0-9a-f]{8})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final FileSystem fs;
    private final Configuration conf;
    private final Path dir;

    /** Every readable commit loaded or made by this store, by folder name: what {@link #writeIndex} writes. */
    private final Map<String, Committed> known = new HashMap<>();

    CommitStore(Path out, Configuration conf) throws IOException {
        this.fs = out.getFileSystem(conf);
        this.conf = conf;
        this.dir = new Path(out, FOLDER);
    }

    /** The folder of the log. */
    Path dir() {
        return dir;
    }

    /**
     * A commit as the driver keeps it.
     *
     * @param folder   the commit's folder
     * @param rows     rows per table it has a file of
     * @param headline the run's headline
     */
    record Committed(Path folder, Map<Table, Integer> rows, RunHeadline headline) {

        /** The commit's file of {@code table}. */
        Path file(Table table) {
            return new Path(folder, table.folder() + SUFFIX);
        }
    }

    /** Commits read at a time: the reads wait on the file system, not the CPU. */
    private static final int PARALLEL_READS = 16;

    /**
     * Every readable commit by run id. Unreadable entries are moved to the quarantine, each reported on
     * {@code warnings} with its path; leftover temporary folders of an interrupted commit are removed.
     */
    Map<String, Committed> load(Consumer<String> warnings) throws IOException {
        Map<String, Committed> out = new HashMap<>();
        if (!fs.exists(dir)) {
            return out;
        }
        FileStatus[] entries = fs.listStatus(dir);
        Arrays.sort(entries, Comparator.comparing(f -> f.getPath().getName()));
        List<FileStatus> commits = new ArrayList<>();
        for (FileStatus f : entries) {
            String name = f.getPath().getName();
            if (name.startsWith(TMP)) {
                fs.delete(f.getPath(), true);
            } else if (!name.startsWith("_") && !name.startsWith(".")) {
                commits.add(f);
            }
        }
        Map<String, Committed> indexed = readIndex(warnings);
        List<FileStatus> unindexed = commits.stream().filter(f -> !indexed.containsKey(f.getPath().getName()))
                .toList();
        List<Committed> all = new ArrayList<>();
        for (FileStatus f : commits) {
            Committed c = indexed.get(f.getPath().getName());
            if (c != null) {
                all.add(c);
            }
        }
        List<Object> read = readAll(unindexed);
        for (int i = 0; i < unindexed.size(); i++) {
            Path path = unindexed.get(i).getPath();
            if (read.get(i) instanceof NewerFormatException e) {
                warnings.accept("sweep: commit " + path + " was written by a newer splitbnn (" + e.getMessage()
                        + "); left alone, its run is computed again");
            } else if (read.get(i) instanceof Exception e) {
                Path moved = quarantine(path);
                warnings.accept("sweep: unreadable commit " + path + " (" + RunTask.message(e)
                        + "); moved to " + moved + ", its run is computed again");
            } else {
                all.add((Committed) read.get(i));
            }
        }
        all.sort(Comparator.comparing(c -> c.folder().getName()));
        for (Committed c : all) {
            Committed earlier = out.get(c.headline().runId());
            if (earlier == null || !earlier.headline().ok()) {
                out.put(c.headline().runId(), c);
            }
        }
        boolean stale = indexed.size() != commits.size() - unindexed.size();
        known.clear();
        all.forEach(c -> known.put(c.folder().getName(), c));
        if (!unindexed.isEmpty() || stale) {
            writeIndex();
        }
        return out;
    }

    /**
     * Writes the index of every readable commit loaded or made since, replacing the last one: written beside it,
     * then renamed into place.
     */
    void writeIndex() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Committed c : known.values()) {
            RunHeadline h = c.headline();
            rows.add(RowFactory.create(c.folder().getName(), h.runId(), h.ok(), h.logZ(), h.logZErr(),
                    h.prominentModes(), h.distinctFunctions(), h.wallSeconds(), h.fullBeatsTopMode(),
                    c.rows().entrySet().stream()
                            .map(e -> e.getKey().folder() + "=" + e.getValue()).collect(Collectors.joining(","))));
        }
        fs.mkdirs(dir);
        Path tmp = new Path(dir, TMP + INDEX + "." + UUID.randomUUID());
        RowParquet.write(tmp, conf, INDEX_SCHEMA, rows, Map.of(FORMAT_KEY, Integer.toString(FORMAT_VERSION)));
        Path index = new Path(dir, INDEX);
        fs.delete(index, false);
        if (!fs.rename(tmp, index)) {
            throw new IOException("could not rename " + tmp + " to " + index);
        }
    }

    /** The commits the index lists by folder name; empty without an index, or with one that cannot be read. */
    private Map<String, Committed> readIndex(Consumer<String> warnings) {
        Path index = new Path(dir, INDEX);
        Map<String, Committed> out = new HashMap<>();
        try {
            if (!fs.exists(index)) {
                return out;
            }
            for (Row r : RowParquet.read(index, conf, INDEX_SCHEMA)) {
                Map<Table, Integer> rows = new EnumMap<>(Table.class);
                for (String entry : r.getString(9).split(",")) {
                    String[] kv = entry.split("=");
                    Table table = Tables.SWEEP.stream().filter(t -> t.folder().equals(kv[0])).findFirst()
                            .orElseThrow(() -> new IOException("unknown table " + kv[0]));
                    rows.put(table, Integer.parseInt(kv[1]));
                }
                String name = r.getString(0);
                out.put(name, new Committed(new Path(dir, name), rows, new RunHeadline(r.getString(1),
                        r.getBoolean(2), r.getDouble(3), r.getDouble(4), r.getInt(5), r.getInt(6), r.getDouble(7),
                        r.isNullAt(8) ? null : r.getBoolean(8))));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            warnings.accept("sweep: the commit log's index " + index + " cannot be read (" + RunTask.message(e)
                    + "); every commit is read instead");
            return new HashMap<>();
        }
    }

    /** Each entry's {@link Committed}, or the exception that reading it threw, in order. */
    private List<Object> readAll(List<FileStatus> commits) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(PARALLEL_READS);
        try {
            return pool.submit(() -> commits.parallelStream().map(f -> {
                try {
                    Matcher m = NAME.matcher(f.getPath().getName());
                    if (!m.matches() || !f.isDirectory()) {
                        throw new IOException("not a commit of this format (an earlier splitbnn's?)");
                    }
                    // a reader sets its schema in the configuration it is given: one copy per commit
                    return (Object) read(f.getPath(), m.group(1), new Configuration(conf));
                } catch (IOException | RuntimeException e) {
                    return e;
                }
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the commit log " + dir, e);
        } catch (ExecutionException e) {
            throw new IOException("could not read the commit log " + dir, e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Commits an outcome under a new unique name; what the driver keeps of it. */
    Committed commit(RunOutcome outcome) throws IOException {
        String name = outcome.runId() + "." + TIME.format(Instant.now()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path tmp = new Path(dir, TMP + name);
        fs.mkdirs(tmp);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, Integer.toString(FORMAT_VERSION));
        metadata.put("splitbnn.run_id", outcome.runId());
        metadata.put(MANIFEST_KEY, outcome.rows().entrySet().stream()
                .map(e -> e.getKey().folder() + "=" + e.getValue().size()).collect(Collectors.joining(",")));
        for (Map.Entry<Table, List<Row>> e : outcome.rows().entrySet()) {
            RowParquet.write(new Path(tmp, e.getKey().folder() + SUFFIX), conf, Tables.commitSchema(e.getKey()),
                    e.getValue(), metadata);
            FaultPoint.reach("commit");
        }
        Path target = new Path(dir, name);
        if (!fs.rename(tmp, target)) {
            throw new IOException("could not rename " + tmp + " to " + target);
        }
        Map<Table, Integer> rows = new EnumMap<>(Table.class);
        outcome.rows().forEach((table, list) -> rows.put(table, list.size()));
        Committed c = new Committed(target, rows, RunHeadline.of(outcome));
        known.put(name, c);
        return c;
    }

    /** Removes every commit, the quarantine and leftover temporary folders. */
    void clear() throws IOException {
        fs.delete(dir, true);
    }

    /**
     * Reads a commit: its manifest, its {@code runs} and {@code generalisation} rows (for the headline), and the
     * other files' row counts from their footers.
     */
    private Committed read(Path commit, String runId, Configuration conf) throws IOException {
        Path runsFile = new Path(commit, Table.RUNS.folder() + SUFFIX);
        if (!fs.exists(runsFile)) {
            throw new IOException(runsFile + " is missing");
        }
        Map<String, String> meta = RowParquet.metadata(runsFile, conf);
        checkVersion(runsFile, meta);
        String manifest = meta.get(MANIFEST_KEY);
        if (manifest == null) {
            throw new IOException(runsFile + ": no " + MANIFEST_KEY);
        }
        Map<String, Integer> expected = new HashMap<>();
        for (String entry : manifest.split(",")) {
            String[] kv = entry.split("=");
            expected.put(kv[0], Integer.parseInt(kv[1]));
        }
        Map<Table, List<Row>> headlineRows = new EnumMap<>(Table.class);
        Map<Table, Integer> counts = new EnumMap<>(Table.class);
        for (Table t : Tables.SWEEP) {
            Path file = new Path(commit, t.folder() + SUFFIX);
            if (!fs.exists(file)) {
                continue;
            }
            RowParquet.Footer footer = RowParquet.footer(file, conf);
            checkVersion(file, footer.metadata());
            long count = footer.rows();
            if (t == Table.RUNS || t == Table.GENERALISATION) {
                List<Row> read = RowParquet.read(file, conf, Tables.commitSchema(t));
                int idColumn = t.index("run_id");
                for (Row r : read) {
                    if (!runId.equals(r.getString(idColumn))) {
                        throw new IOException(file + ": a row of run " + r.getString(idColumn) + " in a commit of "
                                + runId);
                    }
                }
                headlineRows.put(t, read);
            }
            Integer expectedCount = expected.remove(t.folder());
            if (expectedCount == null || expectedCount != count) {
                throw new IOException(file + ": " + count + " rows, the commit's manifest says " + expectedCount);
            }
            counts.put(t, (int) count);
        }
        if (!expected.isEmpty()) {
            throw new IOException(commit + ": missing " + String.join(", ", expected.keySet()) + SUFFIX);
        }
        return new Committed(commit, counts, RunHeadline.of(new RunOutcome(runId, headlineRows)));
    }

    private static void checkVersion(Path file, Map<String, String> metadata) throws IOException {
        String version = metadata.get(FORMAT_KEY);
        if (version == null) {
            throw new IOException(file + ": no " + FORMAT_KEY);
        }
        if (Integer.parseInt(version) > FORMAT_VERSION) {
            throw new NewerFormatException("format version " + version + ", this build reads up to "
                    + FORMAT_VERSION);
        }
    }

    private Path quarantine(Path entry) throws IOException {
        Path folder = new Path(dir, QUARANTINE);
        fs.mkdirs(folder);
        Path target = new Path(folder, entry.getName());
        for (int k = 1; fs.exists(target); k++) {
            target = new Path(folder, entry.getName() + "." + k);
        }
        if (!fs.rename(entry, target)) {
            throw new IOException("could not move the unreadable commit " + entry + " to " + target);
        }
        return target;
    }

    /** A commit of a newer format version than this build reads. */
    private static final class NewerFormatException extends IOException {
        NewerFormatException(String message) {
            super(message);
        }
    }
}
