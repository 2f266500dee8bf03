package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The modes the process umask gives new files and folders. Hadoop's local file system gives its own 0644 and 0755
 * instead, which only a umask other than 022 tells apart (jobs/test-hostile runs sweeps under umask 002 and 077).
 */
final class UmaskModes {

    private UmaskModes() {
    }

    /**
     * Asserts that {@code root} and every file and folder under it has the mode the process umask gives a new one (as
     * a file and a folder made beside {@code root} show).
     */
    static void assertUmaskModes(Path root) throws IOException {
        Path probe = Files.createDirectory(root.resolveSibling(root.getFileName() + ".umask-probe"));
        String folder = mode(probe);
        String file = mode(Files.createFile(probe.resolve("file")));
        Files.delete(probe.resolve("file"));
        Files.delete(probe);
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String expected = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? folder : file;
                String actual = mode(p);
                if (!actual.equals(expected)) {
                    wrong.add(root.relativize(p) + " " + actual + " (not " + expected + ")");
                }
            }
        }
        assertEquals(List.of(), wrong, "modes not the umask's under " + root);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
