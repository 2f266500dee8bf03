package org.splitbnn.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;

class DataCommandTest {

    @Test
    void writesThePaperTrainingSetFromItsSeed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("train.csv");
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("data", "--seed", "2022", "--out",
                out.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertArrayEquals(Files.readAllBytes(Path.of("data/paper/train.csv")), Files.readAllBytes(out));
        assertTrue(o.out().contains("220 rows"));
    }

    @Test
    void refusesToOverwriteAndBadCounts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.csv");
        Files.writeString(out, "keep me");
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("data", "--seed", "1", "--out",
                out.toString());
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertEquals("keep me", Files.readString(out));
        assertEquals(1, o.err().strip().lines().count(), o.err());
        CommandLineTestSupport.Outcome bad = CommandLineTestSupport.execute("data", "--seed", "1", "--counts",
                "1,2,3", "--out", dir.resolve("y.csv").toString());
        assertEquals(Main.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("counts"), bad.err());
        assertFalse(Files.exists(dir.resolve("y.csv")));
    }

    @Test
    void aPipeIsWrittenIntoNeverReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("data", "--seed", "2022", "--out",
                fifo.toString(), "--force");
        assertEquals(0, o.exitCode(), o.err());
        assertArrayEquals(Files.readAllBytes(Path.of("data/paper/train.csv")), read.get(10, TimeUnit.SECONDS));
        assertTrue(Files.isSameFile(fifo, fifo) && !Files.isRegularFile(fifo), "still a pipe");
        assertTrue(o.err().contains("220 rows"), "the summary line leaves the written stream alone: " + o.err());
    }

    @Test
    void aDashIsStandardOutputAndAFolderOrAnEmptyPathIsRefused(@TempDir Path dir) {
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("data", "--seed", "2022", "--out", "-");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("x1,x2,y\n") && o.out().lines().count() == 221, o.out());
        CommandLineTestSupport.Outcome folder = CommandLineTestSupport.execute("data", "--seed", "1", "--out",
                dir.toString(), "--force");
        assertEquals(Main.BAD_INPUT, folder.exitCode());
        assertTrue(folder.err().contains("option --out " + dir + ": is a folder"), folder.err());
        CommandLineTestSupport.Outcome empty = CommandLineTestSupport.execute("data", "--seed", "1", "--out", "");
        assertEquals(Main.BAD_INPUT, empty.exitCode());
        assertTrue(empty.err().contains("option --out: an empty path"), empty.err());
    }

    @Test
    void writesEveryToyGeneratorsDataset(@TempDir Path dir) throws IOException {
        for (String generator : ToyRecipe.GENERATORS) {
            Path out = dir.resolve(generator + ".csv");
            int inputs = generator.equals(ToyRecipe.PARITY) || generator.equals(ToyRecipe.BLOBS) ? 4 : 2;
            CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("data", "--generator", generator,
                    "--inputs", Integer.toString(inputs), "--size", "48", "--seed", "9", "--out", out.toString());
            assertEquals(Main.DONE, o.exitCode(), o.err());
            Dataset expected = ToyGenerator.generate(new ToyRecipe(generator, 48, inputs,
                    ToyRecipe.defaultNoiseVariance(generator)), 9, generator);
            assertEquals(expected, DatasetCsv.read(out));
            assertTrue(o.out().contains(": 48 rows, seed 9, " + generator + " with " + inputs + " inputs"), o.out());
        }
        CommandLineTestSupport.Outcome bad = CommandLineTestSupport.execute("data", "--generator", "rings",
                "--seed", "1", "--out", dir.resolve("r.csv").toString());
        assertEquals(Main.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().startsWith("splitbnn data: option --generator: unknown generator 'rings'"), bad.err());
        CommandLineTestSupport.Outcome small = CommandLineTestSupport.execute("data", "--generator", "parity",
                "--inputs", "4", "--size", "10", "--seed", "1", "--out", dir.resolve("s.csv").toString());
        assertEquals(Main.BAD_INPUT, small.exitCode());
        assertTrue(small.err().contains("parity: size must be at least 16"), small.err());
    }

    @Test
    void aBadRecipeOrAnUnwritableFolderIsNamedByItsOption(@TempDir Path dir) throws IOException {
        CommandLineTestSupport.Outcome counts = CommandLineTestSupport.execute("data", "--seed", "1", "--out",
                dir.resolve("x.csv").toString(), "--counts", "1,2,3");
        assertEquals(Main.BAD_INPUT, counts.exitCode());
        assertTrue(counts.err().startsWith("splitbnn data: option --counts: "), counts.err());
        CommandLineTestSupport.Outcome noise = CommandLineTestSupport.execute("data", "--seed", "1", "--out",
                dir.resolve("x.csv").toString(), "--noise-variance", "-1");
        assertEquals(Main.BAD_INPUT, noise.exitCode());
        assertTrue(noise.err().startsWith("splitbnn data: option --noise-variance: "), noise.err());
        Path file = Files.writeString(dir.resolve("file"), "a file, not a folder");
        CommandLineTestSupport.Outcome unwritable = CommandLineTestSupport.execute("data", "--seed", "1", "--out",
                file.resolve("x.csv").toString());
        assertEquals(Main.BAD_INPUT, unwritable.exitCode(), unwritable.err());
        assertTrue(unwritable.err().contains("option --out '" + file.resolve("x.csv") + "': cannot write into"),
                unwritable.err());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "nothing written");
        }
    }

    @Test
    void theFileGetsTheModeTheUmaskGivesANewFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("train.csv");
        Files.writeString(out, "old");
        assertEquals(0, CommandLineTestSupport.execute("data", "--seed", "1", "--out", out.toString(), "--force")
                .exitCode());
        assertEquals(Files.getPosixFilePermissions(Files.createFile(dir.resolve("fresh"))),
                Files.getPosixFilePermissions(out));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aFullDeviceIsAWriteFailureNamingIt() {
        if (!Files.exists(Path.of("/dev/full"))) {
            return;
        }
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("data", "--seed", "1", "--out",
                "/dev/full", "--force");
        assertEquals(Main.OUTPUT_ERROR, o.exitCode(), o.err());
        assertTrue(o.err().contains("could not write /dev/full"), o.err());
        assertTrue(Files.exists(Path.of("/dev/full")) && !Files.isRegularFile(Path.of("/dev/full")));
    }
}
