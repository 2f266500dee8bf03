package org.splitbnn.output;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --force} may replace: never the current folder, an ancestor or a folder holding an input. */
class OutputDirectoryTest {

    private static final List<String> OWN = List.of("summary.json");

    @Test
    void neverTheCurrentDirectoryOrAnAncestor() {
        for (Path p : List.of(Path.of("."), Path.of(""), Path.of(".."), Path.of("").toAbsolutePath().getRoot())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OutputDirectory.checkReplaceable(p, true, List.of(), OWN));
            assertTrue(e.getMessage().contains("current directory"), e.getMessage());
        }
    }

    @Test
    void neverAFolderHoldingAnInput(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("train.csv"), "x1,x2,y\n");
        Files.writeString(dir.resolve("summary.json"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.checkReplaceable(dir, true, List.of(input), OWN));
        assertTrue(e.getMessage().contains("holds the input " + input), e.getMessage());
    }

    @Test
    void onlyAFolderSplitbnnWroteOrAnEmptyOne(@TempDir Path dir) throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.checkReplaceable(mine, true, List.of(), OWN));
        assertTrue(e.getMessage().contains("was not written by splitbnn"), e.getMessage());
        assertDoesNotThrow(() -> OutputDirectory.checkReplaceable(Files.createDirectories(dir.resolve("empty")), false,
                List.of(), OWN));
        Path run = dir.resolve("run");
        OutputDirectory.publish(run, false, List.of(), OWN, tmp -> Files.writeString(tmp.resolve("a.txt"), "1"));
        assertTrue(Files.exists(run.resolve(OutputDirectory.MARKER)));
        assertThrows(IllegalArgumentException.class, () -> OutputDirectory.checkReplaceable(run, false, List.of(), OWN),
                "not without --force");
        OutputDirectory.publish(run, true, List.of(), OWN, tmp -> Files.writeString(tmp.resolve("b.txt"), "2"));
        try (var files = Files.list(run)) {
            assertEquals(List.of(OutputDirectory.MARKER, "b.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anUnwritableParentIsFoundBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false));
        try {
            if (Files.isWritable(locked)) {
                return; // running as root: permissions are not enforced
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OutputDirectory.checkWritable(locked.resolve("out")));
            assertTrue(e.getMessage().contains("cannot write into " + locked), e.getMessage());
        } finally {
            locked.toFile().setWritable(true);
        }
    }
}
