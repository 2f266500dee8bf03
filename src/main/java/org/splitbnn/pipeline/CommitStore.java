package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The sweep's commit log: one file per finished run, {@code OUT/_commits/<run id>.run}, holding its
 * {@link RunOutcome}. A run is committed by writing a uniquely named temporary file beside it and renaming it into
 * place, so a reader sees either the whole outcome or none; a driver killed mid-sweep leaves every committed run
 * intact. Committing a run id again replaces its file, so a run is never in the log twice. Works on any Hadoop file
 * system (local, HDFS, ...).
 */
final class CommitStore {

    static final String FOLDER = "_commits";
    private static final String SUFFIX = ".run";

    private final FileSystem fs;
    private final Path dir;

    CommitStore(Path out, Configuration conf) throws IOException {
        this.fs = out.getFileSystem(conf);
        this.dir = new Path(out, FOLDER);
    }

    /** Every readable committed outcome by run id; unreadable files (an older build's) are skipped. */
    Map<String, RunOutcome> load() throws IOException {
        Map<String, RunOutcome> out = new HashMap<>();
        if (!fs.exists(dir)) {
            return out;
        }
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (!name.endsWith(SUFFIX) || name.startsWith("_")) {
                continue;
            }
            try (ObjectInputStream in = new ObjectInputStream(fs.open(f.getPath()))) {
                RunOutcome o = (RunOutcome) in.readObject();
                out.put(o.runId(), o);
            } catch (InvalidClassException | StreamCorruptedException | ClassNotFoundException | ClassCastException e) {
                System.err.println("sweep: ignoring unreadable commit " + f.getPath() + " (" + e + ")");
            }
        }
        return out;
    }

    /** Commits an outcome, replacing an earlier one of the same run. */
    void commit(RunOutcome outcome) throws IOException {
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "_" + outcome.runId() + "-" + UUID.randomUUID() + SUFFIX);
        try (ObjectOutputStream o = new ObjectOutputStream(fs.create(tmp, false))) {
            o.writeObject(outcome);
        }
        Path target = new Path(dir, outcome.runId() + SUFFIX);
        if (fs.exists(target)) {
            fs.delete(target, false);
        }
        if (!fs.rename(tmp, target)) {
            throw new IOException("could not rename " + tmp + " to " + target);
        }
    }

    /** Removes every commit and leftover temporary file. */
    void clear() throws IOException {
        fs.delete(dir, true);
    }
}
