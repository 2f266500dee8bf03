package org.splitbnn.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The file system a sweep writes its folder's files and folders through: on a file system that keeps checksum files
 * beside the data (the local one), the raw file system beneath it, as the sweep's files are checked by their readers
 * (commits against their manifests, table part files by their Parquet footers) or written whole by one rename. On the
 * local file system, new files and folders get the mode the process umask gives them (Hadoop's local file system
 * would give its own 0644 and 0755, and start a {@code chmod} process for each without its native library).
 */
final class RawFiles {

    private final FileSystem fs;
    private final ChecksumFileSystem checksums;

    private RawFiles(FileSystem fs, ChecksumFileSystem checksums) {
        this.fs = fs;
        this.checksums = checksums;
    }

    /** The raw file system of {@code path}. */
    static RawFiles of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem checked ? new RawFiles(checked.getRawFileSystem(), checked)
                : new RawFiles(fs, null);
    }

    /** The file system itself, for listing, reading, renaming and deleting. */
    FileSystem fs() {
        return fs;
    }

    /** Creates the folder {@code folder} and its parents. */
    void mkdirs(Path folder) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            Files.createDirectories(local.pathToFile(folder).toPath());
        } else if (!fs.mkdirs(folder)) {
            throw new IOException("could not create " + folder);
        }
    }

    /** Creates the new file {@code file} (its folder must exist) holding {@code bytes}; fails if it exists. */
    void createNew(Path file, byte[] bytes) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            Files.write(local.pathToFile(file).toPath(), bytes, StandardOpenOption.CREATE_NEW);
            return;
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(bytes);
        }
    }

    /**
     * Places {@code bytes} as the file {@code file}, creating its folder: written under a temporary name beside it,
     * then renamed, so that a reader sees the whole file or none. For files that any writer writes with the same
     * bytes (a retried or duplicated task's): when another writer placed the file first, its file is kept.
     */
    void place(Path file, byte[] bytes) throws IOException {
        mkdirs(file.getParent());
        Path tmp = temporary(file, bytes);
        if (fs instanceof RawLocalFileSystem local) {
            moveOver(local, tmp, file);
        } else if (!fs.rename(tmp, file)) {
            fs.delete(tmp, false);
            if (!fs.exists(file)) {
                throw new IOException("could not rename " + tmp + " to " + file);
            }
        }
    }

    /**
     * Replaces the file {@code file} (its folder must exist) by one holding {@code bytes}, or creates it: written
     * under a temporary name beside it, then renamed over it, so that a reader sees a whole file (on a file system
     * whose rename keeps an existing file, such as HDFS, the old file is deleted just before the rename, and for that
     * moment there is none).
     */
    void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = temporary(file, bytes);
        if (fs instanceof RawLocalFileSystem local) {
            moveOver(local, tmp, file);
            return;
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            fs.delete(tmp, false);
            throw new IOException("could not rename " + tmp + " to " + file);
        }
    }

    /** A new file beside {@code file} holding {@code bytes}; nothing is left when it cannot be written. */
    private Path temporary(Path file, byte[] bytes) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createNew(tmp, bytes);
        } catch (IOException e) {
            deleteAfter(tmp, e);
            throw e;
        }
        return tmp;
    }

    /**
     * Renames {@code tmp} over {@code file} on the local file system, first removing the checksum file that Hadoop's
     * local file system may have written for an earlier {@code file}, which would no longer match.
     */
    private void moveOver(RawLocalFileSystem local, Path tmp, Path file) throws IOException {
        try {
            if (checksums != null) {
                Files.deleteIfExists(local.pathToFile(checksums.getChecksumFile(file)).toPath());
            }
            Files.move(local.pathToFile(tmp).toPath(), local.pathToFile(file).toPath(),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteAfter(tmp, e);
            throw e;
        }
    }

    private void deleteAfter(Path tmp, IOException failure) {
        try {
            fs.delete(tmp, false);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
