package org.splitbnn.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output directory that appears complete or not at all: its files are written into a temporary folder beside it,
 * which is renamed into place at the end. An existing directory that is not empty is replaced only when forced, and
 * only once the new one is complete.
 */
public final class OutputDirectory {

    /** Writes the contents of a directory. */
    @FunctionalInterface
    public interface Contents {
        /** Writes every file into {@code dir}, an empty directory. */
        void writeInto(Path dir) throws IOException;
    }

    private OutputDirectory() {
    }

    /**
     * Throws unless {@code dir} can be (re)placed: it does not exist, is an empty directory, or {@code force} is set
     * and it is a directory.
     *
     * @throws IllegalArgumentException naming the directory and the way out
     */
    public static void checkReplaceable(Path dir, boolean force) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
        }
        if (!force && !isEmpty(dir)) {
            throw new IllegalArgumentException("output directory " + dir + " is not empty; use --force to replace it");
        }
    }

    /**
     * Writes {@code contents} into a temporary folder beside {@code dir}, then renames it to {@code dir}. On failure
     * the temporary folder is removed and {@code dir} is left as it was.
     */
    public static void publish(Path dir, boolean force, Contents contents) throws IOException {
        checkReplaceable(dir, force);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            readableByAll(tmp);
            contents.writeInto(tmp);
            replace(tmp, target, force);
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static void replace(Path complete, Path target, boolean force) throws IOException {
        checkReplaceable(target, force);
        if (!Files.exists(target)) {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A temporary folder is private (rwx------); the published one should read like any other output folder. */
    private static void readableByAll(Path dir) throws IOException {
        if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
