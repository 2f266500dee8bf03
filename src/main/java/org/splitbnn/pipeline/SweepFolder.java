package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.splitbnn.output.OutputWriteException;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.SplitbnnVersion;

/**
 * A sweep's output folder, held by one invocation at a time ({@link SweepLock}) and owned by one sweep:
 * {@link #RECORD} names the sweep and the run ids of its grid. A configuration whose grid holds every one of those
 * runs (the same sweep, or the sweep extended by more datasets, priors, seeds or hidden-unit counts; its name and
 * {@code figures} key may change) may write into it; any other is refused unless the folder is overwritten.
 *
 * <p>Tables appear whole or not at all: they are written into a staging folder beside them ({@code _staging.*}) and
 * each is swapped into place by renames. {@link #open} repairs what an interrupted invocation left: staging folders
 * are removed, a table moved aside but not yet replaced is moved back, and a table folder without Spark's
 * {@code _SUCCESS} marker is removed (every invocation then writes the tables anew).
 *
 * <p>The folder and the files it writes ({@link #RECORD}, {@link #CONFIG}, {@link #TABLES_SOURCE},
 * {@link ClosingSummary#FILE}) are made through {@link RawFiles}, with the mode the umask gives on a local folder.
 */
final class SweepFolder implements AutoCloseable {

    /** The record of the sweep that owns the folder. */
    static final String RECORD = "sweep.json";

    /** The configuration of the last invocation. */
    static final String CONFIG = "sweep.yaml";

    /** What the tables in place were built from ({@link #tablesBuiltFrom}); absent while they are being replaced. */
    static final String TABLES_SOURCE = "_tables.sha256";

    /** Version of {@link #RECORD}'s layout. */
    static final int RECORD_VERSION = 1;

    private static final String STAGING = "_staging.";
    private static final String OLD = "_old.";
    private static final String SUCCESS = ParquetTable.SUCCESS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final RawFiles files;
    private final Path out;
    private final CommitStore commits;
    private final SweepLock lock;
    private final Consumer<String> warnings;
    private final List<String> tables;

    private SweepFolder(FileSystem fs, RawFiles files, Path out, CommitStore commits, SweepLock lock,
                        Consumer<String> warnings, List<String> tables) {
        this.tables = List.copyOf(tables);
        this.fs = fs;
        this.files = files;
        this.out = out;
        this.commits = commits;
        this.lock = lock;
        this.warnings = warnings;
    }

    /**
     * Opens the folder {@code out} for an invocation: checks that it is empty (but for a lock: a sweep killed as it
     * started leaves only that) or a sweep's, creates it, takes its lease and repairs what an interrupted invocation
     * left.
     *
     * @param tables the folder names of every table a sweep writes
     *
     * @throws IllegalArgumentException when it holds something other than a sweep's output or cannot be written
     * @throws SweepBusyException       when another invocation holds it
     */
    static SweepFolder open(Path out, Configuration conf, List<String> tables, Consumer<String> warnings)
            throws IOException {
        FileSystem fs = out.getFileSystem(conf);
        if (fs.exists(out)) {
            if (!fs.getFileStatus(out).isDirectory()) {
                throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
            }
            boolean onlyLock = java.util.Arrays.stream(fs.listStatus(out))
                    .allMatch(f -> SweepLock.isLockFile(f.getPath().getName()));
            if (!onlyLock && !fs.exists(new Path(out, CommitStore.FOLDER))
                    && !fs.exists(new Path(out, RECORD)) && !fs.exists(new Path(out, ClosingSummary.FILE))) {
                throw new IllegalArgumentException("--out " + out + " is not empty and holds no sweep (no "
                        + CommitStore.FOLDER + "/ or " + RECORD + "); choose another folder");
            }
            Path record = new Path(out, RECORD);
            if (fs.exists(record) && !isSweepRecord(fs, record)) {
                throw new IllegalArgumentException("--out " + out + " holds a " + RECORD + " that splitbnn did not "
                        + "write (" + record + "); choose another folder");
            }
        }
        RawFiles files = RawFiles.of(out, conf);
        try {
            files.mkdirs(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + " cannot be created: " + RunTask.message(e));
        }
        SweepLock lock;
        try {
            lock = SweepLock.acquire(fs, files, out, warnings);
        } catch (org.apache.hadoop.security.AccessControlException | java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("--out " + out + " cannot be written: " + RunTask.message(e));
        }
        SweepFolder folder = new SweepFolder(fs, files, out, new CommitStore(out, conf), lock, warnings, tables);
        try {
            folder.repair();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return folder;
    }

    /** Whether {@code record} is a sweep record splitbnn wrote: a JSON object with a format version and run ids. */
    private static boolean isSweepRecord(FileSystem fs, Path record) throws IOException {
        try (InputStream in = fs.open(record)) {
            JsonNode n = JSON.readTree(in.readAllBytes());
            return n != null && n.path("format_version").isInt() && n.path("run_ids").isArray();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return false;
        }
    }

    /** The folder. */
    Path path() {
        return out;
    }

    /** The commit log. */
    CommitStore commits() {
        return commits;
    }

    /** Removes the commit log, the tables and the record: the folder is empty but for its lock. */
    void clear() throws IOException {
        commits.clear();
        for (String t : tables) {
            fs.delete(new Path(out, t), true);
        }
        fs.delete(new Path(out, RECORD), false);
        fs.delete(new Path(out, CONFIG), false);
        fs.delete(new Path(out, TABLES_SOURCE), false);
    }

    /**
     * Makes {@code sweep} the folder's owner: refused when the folder belongs to a sweep whose grid has runs that
     * {@code sweep}'s lacks. Without a record (a folder of an earlier version) the committed run ids stand for it.
     *
     * @throws IllegalArgumentException naming both sweeps and the way out
     */
    void claim(Sweep sweep, Set<String> committed) throws IOException {
        Path record = new Path(out, RECORD);
        Set<String> owned = new HashSet<>(committed);
        String ownerName = "?";
        if (fs.exists(record)) {
            JsonNode n;
            try (InputStream in = fs.open(record)) {
                n = JSON.readTree(in.readAllBytes());
            }
            ownerName = n.path("name").asText("?");
            owned.clear();
            n.path("run_ids").forEach(id -> owned.add(id.asText()));
        }
        Set<String> grid = new HashSet<>();
        sweep.runs().forEach(r -> grid.add(r.runId()));
        long lacking = owned.stream().filter(id -> !grid.contains(id)).count();
        if (lacking > 0) {
            throw new IllegalArgumentException(out + " belongs to sweep '" + ownerName + "' (" + owned.size()
                    + " runs), and this configuration ('" + sweep.name() + "') lacks " + lacking + " of them (other "
                    + "settings or a smaller grid); use --overwrite to replace that sweep, or another --out");
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("format_version", RECORD_VERSION);
        o.put("name", sweep.name());
        o.put("splitbnn_version", SplitbnnVersion.current());
        sweep.runs().forEach(r -> o.withArray("run_ids").add(r.runId()));
        replaceFile(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }

    /** Writes the configuration text beside the tables. */
    void writeConfig(String text) throws IOException {
        replaceFile(new Path(out, CONFIG), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code summary} as {@link ClosingSummary#FILE}, replacing an earlier one. */
    void writeSummary(ClosingSummary summary) throws IOException {
        replaceFile(new Path(out, ClosingSummary.FILE), summary.json());
    }

    /** A new, empty staging folder for tables; {@link #swapIn} moves them into place. */
    Path staging() {
        return new Path(out, STAGING + UUID.randomUUID());
    }

    /** Removes a staging folder whose tables are not to be kept. */
    void discard(Path staging) throws IOException {
        fs.delete(staging, true);
    }

    /**
     * Whether the tables in place were built from {@code source} (a digest of what a table writer builds them from):
     * {@link #TABLES_SOURCE} says so, every table of {@code tables} is in place and none of {@code dropped} is.
     */
    boolean tablesBuiltFrom(String source, List<String> tables, List<String> dropped) throws IOException {
        Path file = new Path(out, TABLES_SOURCE);
        if (!fs.exists(file)) {
            return false;
        }
        String built;
        try (InputStream in = fs.open(file)) {
            built = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!built.equals(source)) {
            return false;
        }
        for (String t : tables) {
            if (!fs.exists(new Path(new Path(out, t), SUCCESS))) {
                return false;
            }
        }
        for (String t : dropped) {
            if (fs.exists(new Path(out, t))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves each table of {@code staging} into place (replacing the old one), removes the tables in {@code dropped},
     * then the staging folder, and records that the tables were built from {@code source}.
     */
    void swapIn(Path staging, List<String> tables, List<String> dropped, String source) throws IOException {
        fs.delete(new Path(out, TABLES_SOURCE), false);
        for (String t : tables) {
            Path target = new Path(out, t);
            Path fresh = new Path(staging, t);
            Path old = new Path(out, OLD + t + "." + UUID.randomUUID());
            boolean hadOld = fs.exists(target);
            if (hadOld) {
                rename(target, old);
                FaultPoint.reach("swap");
            }
            rename(fresh, target);
            if (hadOld) {
                fs.delete(old, true);
            }
        }
        for (String t : dropped) {
            fs.delete(new Path(out, t), true);
        }
        fs.delete(staging, true);
        replaceFile(new Path(out, TABLES_SOURCE), (source + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Releases the lease. */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    private void repair() throws IOException {
        for (FileStatus f : fs.listStatus(out)) {
            String name = f.getPath().getName();
            if (name.startsWith(STAGING)) {
                fs.delete(f.getPath(), true);
            }
        }
        for (FileStatus f : fs.listStatus(out)) {
            String name = f.getPath().getName();
            if (name.startsWith(OLD)) {
                String table = name.substring(OLD.length(), name.lastIndexOf('.'));
                Path target = new Path(out, table);
                if (!fs.exists(target)) {
                    rename(f.getPath(), target);
                    warnings.accept("sweep: restored table " + target + " from an interrupted invocation");
                } else {
                    fs.delete(f.getPath(), true);
                }
            }
        }
        for (FileStatus f : fs.listStatus(out)) {
            String name = f.getPath().getName();
            if (f.isDirectory() && tables.contains(name) && !fs.exists(new Path(f.getPath(), SUCCESS))) {
                fs.delete(f.getPath(), true);
                warnings.accept("sweep: removed the incomplete table " + f.getPath()
                        + " (its writing was interrupted); the tables are written anew");
            }
        }
    }

    /**
     * Replaces a small file of the folder ({@link RawFiles#replace}).
     *
     * @throws OutputWriteException naming the file when it cannot be written
     */
    private void replaceFile(Path file, byte[] bytes) {
        try {
            files.replace(file, bytes);
        } catch (IOException e) {
            throw new OutputWriteException(file.toString(), e);
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }
}
