package org.splitbnn.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output directory that appears complete or not at all: its files are written into a temporary folder beside it,
 * which is renamed into place at the end. Every published folder carries the marker file {@link #MARKER}, which
 * names the files splitbnn wrote there. Folders and files get the modes the umask gives new ones.
 *
 * <p>An existing directory that is not empty is replaced only when forced, and only when splitbnn can prove it wrote
 * it: it has the marker, and it holds nothing but the files the marker names (or, for a marker that names none, the
 * caller's own file patterns) and folders that are themselves wholly splitbnn's. It is never the current directory,
 * one of its ancestors, or a folder that holds one of the inputs. The old directory is removed only once the new one
 * is complete. A failure to write is an {@link OutputWriteException} naming the directory.
 */
public final class OutputDirectory {

    /** The marker file of a folder splitbnn wrote. */
    public static final String MARKER = ".splitbnn";

    /** The marker's line after which it names the files written beside it, one a line. */
    private static final String FILES = "files:";

    /** A URI's scheme at the start of a path, such as {@code hdfs} in {@code hdfs://host/x}. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):/");

    /** Writes the contents of a directory. */
    @FunctionalInterface
    public interface Contents {
        /** Writes every file into {@code dir}, an empty directory. */
        void writeInto(Path dir) throws IOException;
    }

    private OutputDirectory() {
    }

    /**
     * Throws unless {@code path}, as the user gave it, names a local file or folder: it is not empty, and not a URI
     * such as {@code hdfs://host/x}, which a local path would take as a folder named {@code hdfs:}.
     *
     * @throws IllegalArgumentException saying which
     */
    public static void checkLocal(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an empty path");
        }
        Matcher m = SCHEME.matcher(path);
        if (m.find()) {
            throw new IllegalArgumentException("a URI (scheme " + m.group(1) + "), not a local path");
        }
    }

    /**
     * Throws unless {@code dir} can be (re)placed: it does not exist or is an empty directory other than the current
     * directory and its ancestors, or {@code force} is set and it is a directory that splitbnn wrote (see the class
     * comment), that is neither the current directory nor one of its ancestors, and that holds none of
     * {@code inputs}.
     *
     * @param ownFiles glob patterns of the names of the files splitbnn writes there, for a marker that names none
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
        Path real = dir.toRealPath();
        if (Path.of("").toRealPath().startsWith(real)) {
            throw new IllegalArgumentException("output directory '" + dir + "' is the current directory or one of "
                    + "its ancestors, which splitbnn never replaces; choose another output directory");
        }
        if (isEmpty(dir)) {
            return;
        }
        if (!force) {
            throw new IllegalArgumentException("output directory " + dir + " is not empty; use --force to replace it");
        }
        for (Path input : inputs) {
            if (Files.exists(input) && input.toRealPath().startsWith(real)) {
                throw new IllegalArgumentException("output directory " + dir + " holds the input " + input
                        + "; --force would delete it, choose another output directory");
            }
        }
        if (!Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("output directory " + dir + " was not written by splitbnn (no "
                    + MARKER + " marker; it holds " + firstEntry(dir) + "); --force replaces only splitbnn's "
                    + "output, choose another output directory");
        }
        String foreign = foreignEntry(dir, ownFiles);
        if (foreign != null) {
            throw new IllegalArgumentException("output directory " + dir + " holds " + foreign + ", which splitbnn "
                    + "did not write; --force replaces only a folder holding nothing but splitbnn's output, move it "
                    + "or choose another output directory");
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
     * @param ownFiles glob patterns of the names of the files splitbnn writes there, for a marker that names none
     * @throws OutputWriteException naming {@code dir} when a file cannot be written or renamed
     */
    public static void publish(Path dir, boolean force, Collection<Path> inputs, List<String> ownFiles,
                               Contents contents) throws IOException {
        checkReplaceable(dir, force, inputs, ownFiles);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path tmp = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(tmp);
            String marker = "written by splitbnn " + SplitbnnVersion.current() + "\n";
            Files.writeString(tmp.resolve(MARKER), marker, StandardCharsets.UTF_8);
            contents.writeInto(tmp);
            Files.writeString(tmp.resolve(MARKER), marker + FILES + "\n" + String.join("\n", names(tmp)) + "\n",
                    StandardCharsets.UTF_8);
            replace(tmp, target, force, inputs, ownFiles);
        } catch (IOException | UncheckedIOException e) {
            throw new OutputWriteException(dir.toString(), e instanceof UncheckedIOException u ? u.getCause() : e);
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
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    /**
     * The first entry of {@code dir} (a path relative to it) that splitbnn did not write, or null: every entry must
     * be the marker, a file the marker names (a marker that names none: a file matching {@code ownFiles}), or a
     * folder with its own marker that holds nothing else.
     */
    private static String foreignEntry(Path dir, List<String> ownFiles) throws IOException {
        List<String> named = namedFiles(dir.resolve(MARKER));
        for (String entry : names(dir)) {
            Path p = dir.resolve(entry);
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            boolean own = !folder && (named != null ? named.contains(entry) : ownFiles.stream().anyMatch(glob ->
                    FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(entry))));
            if (own) {
                continue;
            }
            if (!folder || !Files.isRegularFile(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                return entry;
            }
            String inside = foreignEntry(p, List.of());
            if (inside != null) {
                return entry + "/" + inside;
            }
        }
        return null;
    }

    /** The files a marker names, or null when it names none (a marker of an earlier version). */
    private static List<String> namedFiles(Path marker) throws IOException {
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        int at = lines.indexOf(FILES);
        return at < 0 ? null : lines.subList(at + 1, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
    }

    /** The names of the entries of {@code dir} but the marker, sorted. */
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MARKER)).sorted().toList();
        }
    }

    private static String firstEntry(Path dir) throws IOException {
        List<String> all = names(dir);
        return all.isEmpty() ? MARKER : all.get(0);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
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
}
