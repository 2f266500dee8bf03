package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.splitbnn.data.Sha256;
import org.splitbnn.output.Table;

/**
 * The sweep's commit log: {@code OUT/_commits/<commit>/}, one folder per batch of run outcomes that one task
 * computed, holding one Parquet file per table the batch has rows in ({@code runs.parquet}, {@code modes.parquet},
 * ...; the runs' rows in batch order, with the table's columns, {@link Tables#commitSchema}) and its manifest
 * ({@link CommitManifest}: every run with its headline, every file with its rows, bytes and SHA-256). A commit is
 * written by the task that computed its runs into a temporary folder ({@code _commits/_tmp.*}), its manifest last,
 * and renamed into place, so a reader sees the whole commit or none; it is written once under a unique name
 * ({@code <UTC time>-<random>}) and never rewritten. Works on any Hadoop file system (local, HDFS, ...).
 *
 * <p>A run may be held by several commits (a failed run computed again, a task retried or run twice by speculative
 * execution): the one that counts is chosen by {@link #winners}, the same rule wherever the log is read.
 * Loading reads every commit's manifest and checks its files' names and lengths; a reader of a file checks its
 * SHA-256 ({@link #readTable}). A commit that fails either check (a crash or a full disk while writing, a file
 * damaged or replaced later, an earlier build's format) is moved to {@code _commits/_quarantine/} and its runs count
 * as not committed. A commit of a newer format version is left alone and not read.
 */
final class CommitStore {

    static final String FOLDER = "_commits";
    static final String QUARANTINE = "_quarantine";

    /** Version of the commit layout, in every manifest. */
    static final int FORMAT_VERSION = 2;

    private static final String TMP = "_tmp.";
    private static final String SUFFIX = ".parquet";
    private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Commits read at a time: the reads wait on the file system, not the CPU. */
    private static final int PARALLEL_READS = 16;

    private final RawFiles raw;
    private final FileSystem fs;
    private final Configuration conf;
    private final Path dir;

    /** The log of the sweep folder {@code out}, read and written through {@link RawFiles}: the manifest checks it. */
    CommitStore(Path out, Configuration conf) throws IOException {
        this.raw = RawFiles.of(out, conf);
        this.fs = raw.fs();
        this.conf = conf;
        this.dir = new Path(out, FOLDER);
    }

    /** The folder of the log. */
    Path dir() {
        return dir;
    }

    /**
     * The commit that counts for a run.
     *
     * @param commit   its folder name
     * @param headline the run's headline
     * @param rows     the run's rows per table folder name
     */
    record Committed(String commit, RunHeadline headline, Map<String, Integer> rows) implements Serializable {
    }

    /**
     * The commit that counts for each run of {@code commits}: one in which it finished over one in which it failed,
     * then the earliest written (the smallest folder name). Every reader of the log chooses with this rule, so a
     * run counts once however many commits hold it.
     */
    static Map<String, Committed> winners(Collection<CommitManifest> commits) {
        List<CommitManifest> sorted = new ArrayList<>(commits);
        sorted.sort(Comparator.comparing(CommitManifest::commit));
        Map<String, Committed> out = new HashMap<>();
        for (CommitManifest m : sorted) {
            for (CommitManifest.RunEntry r : m.runs()) {
                Committed earlier = out.get(r.headline().runId());
                if (earlier == null || !earlier.headline().ok() && r.headline().ok()) {
                    out.put(r.headline().runId(), new Committed(m.commit(), r.headline(), r.rows()));
                }
            }
        }
        return out;
    }

    /**
     * Every readable commit's manifest. Unreadable entries are moved to the quarantine, each reported on
     * {@code warnings} with its path; leftover temporary folders of an interrupted commit are removed.
     */
    List<CommitManifest> load(Consumer<String> warnings) throws IOException {
        return load(Set.of(), warnings);
    }

    /**
     * Like {@link #load(Consumer)}, but takes the commits of {@code known} as read: only the others are read (and
     * temporary folders are left alone, since tasks may still be writing them).
     */
    List<CommitManifest> load(Collection<CommitManifest> known, Consumer<String> warnings) throws IOException {
        List<CommitManifest> out = new ArrayList<>();
        if (!fs.exists(dir)) {
            return out;
        }
        Map<String, CommitManifest> byName = new HashMap<>();
        known.forEach(m -> byName.put(m.commit(), m));
        FileStatus[] entries = fs.listStatus(dir);
        Arrays.sort(entries, Comparator.comparing(f -> f.getPath().getName()));
        List<FileStatus> unread = new ArrayList<>();
        for (FileStatus f : entries) {
            String name = f.getPath().getName();
            if (name.startsWith(TMP)) {
                if (known.isEmpty()) {
                    fs.delete(f.getPath(), true);
                }
            } else if (byName.containsKey(name)) {
                out.add(byName.get(name));
            } else if (!name.startsWith(QUARANTINE) && !name.startsWith(".")) {
                unread.add(f);
            }
        }
        List<Object> read = readAll(unread);
        for (int i = 0; i < unread.size(); i++) {
            Path path = unread.get(i).getPath();
            if (read.get(i) instanceof NewerFormatException e) {
                warnings.accept("sweep: commit " + path + " was written by a newer splitbnn (" + e.getMessage()
                        + "); left alone, its runs are computed again");
            } else if (read.get(i) instanceof Exception e) {
                quarantine(path.getName(), RunTask.message(e), warnings);
            } else {
                out.add((CommitManifest) read.get(i));
            }
        }
        return out;
    }

    /**
     * Moves commit {@code name} to the quarantine, reporting it with {@code reason} on {@code warnings}; does
     * nothing when it is no longer in the log (another reader moved it).
     */
    void quarantine(String name, String reason, Consumer<String> warnings) throws IOException {
        Path entry = new Path(dir, name);
        if (!fs.exists(entry)) {
            return;
        }
        Path folder = new Path(dir, QUARANTINE);
        raw.mkdirs(folder);
        Path target = new Path(folder, name);
        for (int k = 1; fs.exists(target); k++) {
            target = new Path(folder, name + "." + k);
        }
        if (!fs.rename(entry, target)) {
            throw new IOException("could not move the unreadable commit " + entry + " to " + target);
        }
        warnings.accept("sweep: unreadable commit " + entry + " (" + reason + "); moved to " + target
                + ", its runs are computed again");
    }

    /** Each entry's manifest, or the exception that reading it threw, in order. */
    private List<Object> readAll(List<FileStatus> commits) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(PARALLEL_READS);
        try {
            return pool.submit(() -> commits.parallelStream().map(f -> {
                try {
                    return (Object) check(f);
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

    /**
     * Reads a commit's manifest and checks it against the folder: its own name, its format, and each file's
     * presence and length.
     */
    private CommitManifest check(FileStatus entry) throws IOException {
        Path commit = entry.getPath();
        if (!entry.isDirectory() || !NAME.matcher(commit.getName()).matches()) {
            throw new IOException("not a commit of this format (an earlier splitbnn's?)");
        }
        Path file = new Path(commit, CommitManifest.FILE);
        if (!fs.exists(file)) {
            throw new IOException(CommitManifest.FILE + " is missing");
        }
        CommitManifest m;
        try (InputStream in = fs.open(file)) {
            m = CommitManifest.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IOException(file + ": " + RunTask.message(e));
        }
        if (m.formatVersion() > FORMAT_VERSION) {
            throw new NewerFormatException("format version " + m.formatVersion() + ", this build reads up to "
                    + FORMAT_VERSION);
        }
        if (m.formatVersion() != FORMAT_VERSION || !m.commit().equals(commit.getName())) {
            throw new IOException(file + " is the manifest of commit " + m.commit() + " (format "
                    + m.formatVersion() + ")");
        }
        Map<String, Long> lengths = new HashMap<>();
        for (FileStatus f : fs.listStatus(commit)) {
            lengths.put(f.getPath().getName(), f.getLen());
        }
        for (Map.Entry<String, CommitManifest.FileEntry> e : m.files().entrySet()) {
            Long length = lengths.get(e.getKey() + SUFFIX);
            if (length == null) {
                throw new IOException("missing " + e.getKey() + SUFFIX);
            }
            if (length != e.getValue().bytes()) {
                throw new IOException(e.getKey() + SUFFIX + " has " + length + " bytes, the manifest says "
                        + e.getValue().bytes());
            }
        }
        return m;
    }

    /**
     * The rows of {@code table} in commit {@code commit}, checked against the manifest's digest and row count.
     *
     * @throws DamagedCommitException when the file is missing, differs from the manifest or cannot be read
     */
    List<Row> readTable(CommitManifest commit, Table table) throws DamagedCommitException {
        CommitManifest.FileEntry entry = commit.files().get(table.folder());
        return entry == null ? List.of() : rows(commit, table, readFile(commit, table));
    }

    /**
     * The bytes of {@code table}'s file in commit {@code commit} (which must have one), checked against the
     * manifest's digest.
     *
     * @throws DamagedCommitException when the file is missing or differs from the manifest
     */
    byte[] readFile(CommitManifest commit, Table table) throws DamagedCommitException {
        CommitManifest.FileEntry entry = commit.files().get(table.folder());
        Path file = file(commit, table);
        try {
            byte[] bytes;
            try (InputStream in = fs.open(file)) {
                bytes = in.readAllBytes();
            }
            String digest = Sha256.of(bytes);
            if (!digest.equals(entry.sha256())) {
                throw new IOException(file.getName() + " does not match its manifest (SHA-256 " + digest + ", "
                        + bytes.length + " bytes)");
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new DamagedCommitException(commit.commit(), RunTask.message(e));
        }
    }

    /**
     * The rows of {@code bytes}, {@code table}'s checked file in commit {@code commit} ({@link #readFile}), checked
     * against the manifest's row count.
     *
     * @throws DamagedCommitException when they cannot be read or their count differs from the manifest
     */
    List<Row> rows(CommitManifest commit, Table table, byte[] bytes) throws DamagedCommitException {
        Path file = file(commit, table);
        try {
            List<Row> rows = RowParquet.read(bytes, file.toString(), Tables.commitSchema(table), conf);
            long expected = commit.files().get(table.folder()).rows();
            if (rows.size() != expected) {
                throw new IOException(file.getName() + ": " + rows.size() + " rows, the manifest says " + expected);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new DamagedCommitException(commit.commit(), RunTask.message(e));
        }
    }

    private Path file(CommitManifest commit, Table table) {
        return new Path(new Path(dir, commit.commit()), table.folder() + SUFFIX);
    }

    /**
     * Commits a batch of outcomes under a new unique name: their rows per table in one file each, then the
     * manifest, then the rename into place.
     */
    CommitManifest commit(List<RunOutcome> batch) throws IOException {
        String name = TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path tmp = new Path(dir, TMP + name);
        try {
            raw.mkdirs(tmp);
            Map<String, CommitManifest.FileEntry> files = new LinkedHashMap<>();
            for (Table t : Tables.SWEEP) {
                List<Row> rows = new ArrayList<>();
                batch.forEach(o -> rows.addAll(o.rows(t)));
                if (rows.isEmpty() && t != Table.RUNS) {
                    continue;
                }
                byte[] bytes = RowParquet.write(Tables.commitSchema(t), rows, conf);
                raw.createNew(new Path(tmp, t.folder() + SUFFIX), bytes);
                files.put(t.folder(), new CommitManifest.FileEntry(rows.size(), bytes.length, Sha256.of(bytes)));
                FaultPoint.reach("commit");
            }
            List<CommitManifest.RunEntry> runs = new ArrayList<>();
            for (RunOutcome o : batch) {
                Map<String, Integer> rows = new LinkedHashMap<>();
                o.rows().forEach((t, list) -> rows.put(t.folder(), list.size()));
                runs.add(new CommitManifest.RunEntry(RunHeadline.of(o), rows));
            }
            CommitManifest manifest = new CommitManifest(FORMAT_VERSION, name, runs, files);
            raw.createNew(new Path(tmp, CommitManifest.FILE), manifest.toJson());
            Path target = new Path(dir, name);
            if (!fs.rename(tmp, target)) {
                throw new IOException("could not rename " + tmp + " to " + target);
            }
            return manifest;
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(tmp, true);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Removes every commit, the quarantine and leftover temporary folders. */
    void clear() throws IOException {
        fs.delete(dir, true);
    }

    /** A commit whose file does not match its manifest or cannot be read. */
    static final class DamagedCommitException extends IOException {

        private final String commit;

        DamagedCommitException(String commit, String reason) {
            super(reason);
            this.commit = commit;
        }

        /** The damaged commit's folder name. */
        String commit() {
            return commit;
        }
    }

    /** A commit of a newer format version than this build reads. */
    private static final class NewerFormatException extends IOException {
        NewerFormatException(String message) {
            super(message);
        }
    }
}
