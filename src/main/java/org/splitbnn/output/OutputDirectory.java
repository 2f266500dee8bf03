package org.splitbnn.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory that appears complete or not at all: its files are written into a temporary folder beside it,
 * which is renamed into place at the end. Every published folder carries the marker file {@link #MARKER}.
 *
 * <p>An existing directory that is not empty is replaced only when forced, and only when splitbnn wrote it (it has
 * the marker or one of the files splitbnn writes, such as {@code summary.json}); it is never the current directory,
 * one of its ancestors, or a folder that holds one of the inputs. The old directory is removed only once the new one
 * is complete.
 */
public final class OutputDirectory {

    /** The marker file of a folder splitbnn wrote. */
    public static final String MARKER = ".splitbnn";

    /** Writes the contents of a directory. */
    @FunctionalInterface
    public interface Contents {
        /** Writes every file into {@code dir}, an empty directory. */
        void writeInto(Path dir) throws IOException;
    }

    private OutputDirectory() {
    }

    /**
     * Throws unless {@code dir} can be (re)placed: it does not exist or is an empty directory, or {@code force} is set
     * and it is a directory that splitbnn wrote (it holds {@link #MARKER} or one of {@code ownFiles}), that is neither
     * the current directory nor one of its ancestors, and that holds none of {@code inputs}.
     *
     * @throws IllegalArgumentException naming the directory and the way out
     */
    public static void checkReplaceable(Path dir, boolean force, Collection<Path> inputs, List<String> ownFiles)
            throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
        }
        if (isEmpty(dir)) {
            return;
        }
        if (!force) {
            throw new IllegalArgumentException("output directory " + dir + " is not empty; use --force to replace it");
        }
        Path real = dir.toRealPath();
        Path cwd = Path.of("").toRealPath();
        if (cwd.startsWith(real)) {
            throw new IllegalArgumentException("--force never replaces the current directory or one of its ancestors: "
                    + dir + "; choose another output directory");
        }
        for (Path input : inputs) {
            if (Files.exists(input) && input.toRealPath().startsWith(real)) {
                throw new IllegalArgumentException("output directory " + dir + " holds the input " + input
                        + "; --force would delete it, choose another output directory");
            }
        }
        boolean ours = Files.exists(dir.resolve(MARKER)) || ownFiles.stream().anyMatch(f -> Files.exists(dir.resolve(f)));
        if (!ours) {
            throw new IllegalArgumentException("output directory " + dir + " was not written by splitbnn (no "
                    + MARKER + " or " + String.join(", ", ownFiles) + "); --force replaces only splitbnn's output, "
                    + "choose another output directory");
        }
    }

    /**
     * Throws unless a folder can be created beside {@code dir} (so that its temporary folder can be written): checked
     * before any work, so that work is not lost to an unwritable output.
     *
     * @throws IllegalArgumentException naming the folder that cannot be written
     */
    public static void checkWritable(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        try {
            Files.createDirectories(parent);
            Path probe = Files.createTempDirectory(parent, "." + dir.getFileName() + ".probe-");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write into " + parent + " (for output " + dir + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /**
     * Writes {@code contents} into a temporary folder beside {@code dir} with the marker, then renames it to
     * {@code dir}. On failure the temporary folder is removed and {@code dir} is left as it was.
     *
     * @param inputs   files the contents are made from, which a forced replacement must not delete
     * @param ownFiles names of files that show a folder to be splitbnn's, besides the marker
     */
    public static void publish(Path dir, boolean force, Collection<Path> inputs, List<String> ownFiles,
                               Contents contents) throws IOException {
        checkReplaceable(dir, force, inputs, ownFiles);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            readableByAll(tmp);
            Files.writeString(tmp.resolve(MARKER), "written by splitbnn " + SplitbnnVersion.current() + "\n",
                    StandardCharsets.UTF_8);
            contents.writeInto(tmp);
            replace(tmp, target, force, inputs, ownFiles);
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static void replace(Path complete, Path target, boolean force, Collection<Path> inputs,
                                List<String> ownFiles) throws IOException {
        checkReplaceable(target, force, inputs, ownFiles);
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
