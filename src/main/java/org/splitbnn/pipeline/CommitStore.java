package org.splitbnn.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * The sweep's commit log: one folder per committed run outcome, {@code OUT/_commits/<run id>.<time>-<random>/},
 * holding one Parquet file per table the run has rows in ({@code runs.parquet}, {@code modes.parquet}, ...), with
 * the table's columns ({@link Table}), and in each file's metadata the commit format version and the commit's
 * manifest (every file and its rows, checked when read). A commit is written
 * into a temporary folder ({@code _commits/_tmp.*}) and renamed into place, so a reader sees the whole commit or
 * none; it is written once under a unique name and never rewritten. Works on any Hadoop file system (local, HDFS,
 * ...); Spark reads the log as tables ({@code _commits/*}{@code /runs.parquet}).
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

    private static final String TMP = "_tmp.";
    private static final String SUFFIX = ".parquet";
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})\\.(\\d{8}T\\d{9}Z-[0-9a-f]{8})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final FileSystem fs;
    private final Configuration conf;
    private final Path dir;

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
     * Every readable committed outcome by run id. Unreadable entries are moved to the quarantine, each reported on
     * {@code warnings} with its path; leftover temporary folders of an interrupted commit are removed.
     */
    Map<String, RunOutcome> load(Consumer<String> warnings) throws IOException {
        Map<String, RunOutcome> out = new HashMap<>();
        if (!fs.exists(dir)) {
            return out;
        }
        FileStatus[] entries = fs.listStatus(dir);
        Arrays.sort(entries, Comparator.comparing(f -> f.getPath().getName()));
        for (FileStatus f : entries) {
            String name = f.getPath().getName();
            if (name.startsWith(TMP)) {
                fs.delete(f.getPath(), true);
                continue;
            }
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            RunOutcome o;
            try {
                if (!m.matches() || !f.isDirectory()) {
                    throw new IOException("not a commit of this format (an earlier splitbnn's?)");
                }
                o = read(f.getPath(), m.group(1));
            } catch (NewerFormatException e) {
                warnings.accept("sweep: commit " + f.getPath() + " was written by a newer splitbnn (" + e.getMessage()
                        + "); left alone, its run is computed again");
                continue;
            } catch (IOException | RuntimeException e) {
                Path moved = quarantine(f.getPath());
                warnings.accept("sweep: unreadable commit " + f.getPath() + " (" + RunTask.message(e)
                        + "); moved to " + moved + ", its run is computed again");
                continue;
            }
            RunOutcome earlier = out.get(o.runId());
            if (earlier == null || !earlier.ok()) {
                out.put(o.runId(), o);
            }
        }
        return out;
    }

    /** Commits an outcome under a new unique name. */
    void commit(RunOutcome outcome) throws IOException {
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
    }

    /** Removes every commit, the quarantine and leftover temporary folders. */
    void clear() throws IOException {
        fs.delete(dir, true);
    }

    private RunOutcome read(Path commit, String runId) throws IOException {
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
        Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
        for (Table t : Tables.SWEEP) {
            Path file = new Path(commit, t.folder() + SUFFIX);
            if (!fs.exists(file)) {
                continue;
            }
            checkVersion(file, RowParquet.metadata(file, conf));
            List<Row> read = RowParquet.read(file, conf, Tables.commitSchema(t));
            int idColumn = t.index("run_id");
            for (Row r : read) {
                if (!runId.equals(r.getString(idColumn))) {
                    throw new IOException(file + ": a row of run " + r.getString(idColumn) + " in a commit of " + runId);
                }
            }
            Integer count = expected.remove(t.folder());
            if (count == null || count != read.size()) {
                throw new IOException(file + ": " + read.size() + " rows, the commit's manifest says " + count);
            }
            rows.put(t, read);
        }
        if (!expected.isEmpty()) {
            throw new IOException(commit + ": missing " + String.join(", ", expected.keySet()) + SUFFIX);
        }
        return new RunOutcome(runId, rows);
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
