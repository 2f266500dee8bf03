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
 * The file system of a sweep folder for files whose readers check them (commits against their manifests, table
 * part files by their Parquet footers): on a file system that keeps checksum files beside the data (the local one),
 * the raw file system beneath it. On the local file system new files and folders are made through {@code java.nio}:
 * Hadoop's local file system sets every new file's and folder's mode by starting a {@code chmod} process (without
 * its native library), which costs more than writing the file; {@code java.nio} gives the mode the umask gives.
 */
final class RawFiles {

    private final FileSystem fs;

    private RawFiles(FileSystem fs) {
        this.fs = fs;
    }

    /** The raw file system of {@code path}. */
    static RawFiles of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return new RawFiles(fs instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : fs);
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
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        createNew(tmp, bytes);
        if (fs instanceof RawLocalFileSystem local) {
            Files.move(local.pathToFile(tmp).toPath(), local.pathToFile(file).toPath(),
                    StandardCopyOption.ATOMIC_MOVE);
        } else if (!fs.rename(tmp, file)) {
            fs.delete(tmp, false);
            if (!fs.exists(file)) {
                throw new IOException("could not rename " + tmp + " to " + file);
            }
        }
    }
}
