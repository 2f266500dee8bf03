package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
