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

    @Test
    void forceNeedsTheMarkerNotJustAFileSplitbnnAlsoWrites(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.json"), "{\"tool\":\"other\"}");
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputDirectory.publish(dir,
                true, List.of(), OWN, tmp -> Files.writeString(tmp.resolve("summary.json"), "{}")));
        assertTrue(e.getMessage().contains("output directory " + dir + " was not written by splitbnn (no .splitbnn "
                + "marker; it holds summary.json)"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void forceNeverReplacesAMarkedFolderHoldingAFileSplitbnnDidNotWrite(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        OutputDirectory.publish(run, false, List.of(), OWN, tmp -> Files.writeString(tmp.resolve("summary.json"), "{}"));
        Path report = run.resolve("report");
        OutputDirectory.publish(report, false, List.of(), List.of(), tmp -> Files.writeString(tmp.resolve("a.png"),
                "png"));
        assertDoesNotThrow(() -> OutputDirectory.checkReplaceable(run, true, List.of(), OWN), "its own report");
        Files.writeString(report.resolve("notes.txt"), "mine");
        IllegalArgumentException inReport = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.checkReplaceable(run, true, List.of(), OWN));
        assertTrue(inReport.getMessage().contains("holds report/notes.txt, which splitbnn did not write"),
                inReport.getMessage());
        Files.delete(report.resolve("notes.txt"));
        Files.writeString(run.resolve("thesis.tex"), "precious");
        IllegalArgumentException beside = assertThrows(IllegalArgumentException.class, () -> OutputDirectory.publish(
                run, true, List.of(), OWN, tmp -> Files.writeString(tmp.resolve("summary.json"), "{}")));
        assertTrue(beside.getMessage().contains("output directory " + run + " holds thesis.tex, which splitbnn did "
                + "not write"), beside.getMessage());
        assertEquals("precious", Files.readString(run.resolve("thesis.tex")));
    }

    @Test
    void aMarkerOfAnEarlierVersionCountsTheCallersOwnFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(OutputDirectory.MARKER), "written by splitbnn 0.1\n");
        Files.writeString(dir.resolve("summary.json"), "{}");
        assertDoesNotThrow(() -> OutputDirectory.checkReplaceable(dir, true, List.of(), List.of("summary.json",
                "*.parquet")));
        Files.writeString(dir.resolve("x.parquet"), "");
        assertDoesNotThrow(() -> OutputDirectory.checkReplaceable(dir, true, List.of(), List.of("summary.json",
                "*.parquet")));
        Files.writeString(dir.resolve("x.txt"), "");
        assertThrows(IllegalArgumentException.class, () -> OutputDirectory.checkReplaceable(dir, true, List.of(),
                List.of("summary.json", "*.parquet")));
    }

    @Test
    void theCurrentDirectoryIsNeverPlacedEvenWithoutForce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.checkReplaceable(Path.of("."), false, List.of(), OWN));
        assertTrue(e.getMessage().contains("is the current directory or one of its ancestors"), e.getMessage());
    }

    @Test
    void foldersAndFilesGetTheModesTheUmaskGivesNewOnes(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        OutputDirectory.publish(run, false, List.of(), OWN, tmp -> Files.writeString(tmp.resolve("summary.json"), "{}"));
        Path freshFolder = Files.createDirectory(dir.resolve("fresh"));
        Path freshFile = Files.createFile(dir.resolve("fresh.txt"));
        assertEquals(Files.getPosixFilePermissions(freshFolder), Files.getPosixFilePermissions(run));
        for (String f : List.of(OutputDirectory.MARKER, "summary.json")) {
            assertEquals(Files.getPosixFilePermissions(freshFile), Files.getPosixFilePermissions(run.resolve(f)), f);
        }
    }

    @Test
    void aFullDiskIsAWriteFailureNamingTheFolderAndLeavesNothing(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        OutputWriteException e = assertThrows(OutputWriteException.class, () -> OutputDirectory.publish(run, false,
                List.of(), OWN, tmp -> {
                    Files.writeString(tmp.resolve("summary.json"), "{");
                    throw new IOException("No space left on device");
                }));
        assertEquals("could not write " + run + ": No space left on device", e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing half-written");
        }
    }
}
