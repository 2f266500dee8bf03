package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.output.OutputWriteException;
import org.splitbnn.pipeline.SweepBusyException;

/**
 * Each case ends with one line on stderr naming the file, key or path, and the documented exit
 * code; a stack trace only with {@code --verbose}.
 */
@Tag("slow")
class MessagesTest {

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkAndTrailingBlankLinesAreAccepted() throws IOException {
        String csv = Files.readString(Path.of("data/dev/train.csv"));
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFF" + csv + "\n\n").getBytes(StandardCharsets.UTF_8));
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("run", "--data", bom.toString(), "--prior",
                "full", "--nlive", "20", "--posterior-samples", "20", "--out", dir.resolve("out").toString(),
                "--quiet");
        assertEquals(Main.DONE, o.exitCode(), o.err());
        Path inside = dir.resolve("inside.csv");
        Files.writeString(inside, "x1,x2,y\n0.5,0.5,1\n\n-0.5,0.5,0\n");
        assertOneLine(run(inside), Main.BAD_INPUT, inside + ": line 3, column 1: blank line before more data");
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "x1,x2,y\u200B\n0.5,0.5,1\n");
        assertOneLine(run(header), Main.BAD_INPUT, "line 1, column 3: header is 'x1,x2,y\\u200B': column 3's name "
                + "'y\\u200B' is empty, or has a space at an end or invisible characters");
    }

    @Test
    void configurationProblemsNameTheFileAndKey() throws IOException {
        assertOneLine(CommandLineTestSupport.execute("sweep", dir.toString(), "--out", dir.resolve("o").toString()),
                Main.BAD_INPUT, dir + ": is a folder, not a sweep configuration");
        Path notList = Files.writeString(dir.resolve("a.yaml"), "name: a\npriors: full\nsampler_seeds: [1]\n"
                + "train: [{seed: 1}]\n");
        assertOneLine(sweep(notList), Main.BAD_INPUT, notList + ": key 'priors': expected a list such as "
                + "[full, constrained], got 'full'");
        Path tab = Files.writeString(dir.resolve("b.yaml"), "name: b\npriors: [full]\n\tsampler_seeds: [1]\n");
        assertOneLine(sweep(tab), Main.BAD_INPUT, tab + ": not valid YAML at line 3");
        Path huge = Files.writeString(dir.resolve("c.yaml"), "name: c\nnlive: 3000000\npriors: [full]\n"
                + "sampler_seeds: [1]\ntrain: [{seed: 1}]\n");
        assertOneLine(sweep(huge), Main.BAD_INPUT, "nlive 3000000, nprior 30000000: one run needs at least");
    }

    @Test
    void aTruncatedTableIsNamedByTheReport() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(Main.DONE, CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--prior",
                "full", "--nlive", "20", "--posterior-samples", "20", "--out", run.toString(), "--quiet").exitCode());
        Path modes = run.resolve("modes.parquet");
        byte[] bytes = Files.readAllBytes(modes);
        Files.write(modes, Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLine(CommandLineTestSupport.execute("report", run.toString()), Main.BAD_INPUT,
                modes + ": unreadable Parquet file");
        CommandLineTestSupport.Outcome verbose = CommandLineTestSupport.execute("report", "--verbose",
                run.toString());
        assertTrue(verbose.err().lines().count() > 5 && verbose.err().contains("\tat "), "--verbose adds the trace");
    }

    @Test
    void everyKindOfFailureHasItsExitCode() {
        assertEquals(Main.BUSY, Main.exitCode(new SweepBusyException("x")));
        assertEquals(Main.OUTPUT_ERROR, Main.exitCode(new OutputWriteException("/out/runs",
                new IOException("No space left on device"))));
        assertEquals(Main.BAD_INPUT, Main.exitCode(new IllegalArgumentException("x")));
        assertEquals(Main.BAD_INPUT, Main.exitCode(new UncheckedIOException(new IOException("x"))));
        assertEquals(Main.FAILED, Main.exitCode(new IllegalStateException("x")));
        assertEquals("could not write /out/runs: No space left on device", new OutputWriteException("/out/runs",
                new IOException("No space left on device")).getMessage());
    }

    private CommandLineTestSupport.Outcome run(Path csv) {
        return CommandLineTestSupport.execute("run", "--data", csv.toString(), "--prior", "full", "--out",
                dir.resolve("never").toString(), "--quiet");
    }

    private static CommandLineTestSupport.Outcome sweep(Path config) {
        return CommandLineTestSupport.execute("sweep", config.toString(), "--out", config.resolveSibling("o")
                .toString());
    }

    private static void assertOneLine(CommandLineTestSupport.Outcome o, int code, String contains) {
        assertEquals(code, o.exitCode(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(contains), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void anEmptyOrUnknownOutputIsNamedByItsOption() {
        assertOneLine(CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--prior", "full",
                "--out", "", "--quiet"), Main.BAD_INPUT, "option --out '': an empty path");
        assertOneLine(CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--prior", "full",
                "--out", ".", "--quiet"), Main.BAD_INPUT, "option --out '.': output directory '.' is the current "
                + "directory");
        assertOneLine(CommandLineTestSupport.execute("sweep", "conf/smoke.yaml", "--out", ""), Main.BAD_INPUT,
                "option --out: an empty path");
        assertOneLine(CommandLineTestSupport.execute("sweep", "conf/smoke.yaml", "--out", "foo://x"),
                Main.BAD_INPUT, "option --out 'foo://x': No FileSystem for scheme \"foo\"");
    }

    @Test
    void aUriOrAnEmptyPathWhereALocalOneIsNeededIsNamedByItsOption() {
        assertOneLine(CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--prior", "full",
                "--out", "foo://x", "--quiet"), Main.BAD_INPUT, "option --out 'foo://x': a URI (scheme foo), not a "
                + "local path");
        assertOneLine(CommandLineTestSupport.execute("data", "--seed", "1", "--out", "hdfs://h/x.csv"),
                Main.BAD_INPUT, "option --out 'hdfs://h/x.csv': a URI (scheme hdfs), not a local path");
        assertOneLine(CommandLineTestSupport.execute("report", ""), Main.BAD_INPUT, "DIR '': an empty path");
        assertOneLine(CommandLineTestSupport.execute("validate", "--nlive", "0", "--problem", "gauss9"),
                Main.BAD_INPUT, "option --nlive: nlive must be at least 2, got 0 (problem gauss9)");
        assertFalse(Files.exists(Path.of("foo:")), "no folder named after the scheme");
    }

    @Test
    void aGridTooFineIsRefusedNamingTheOptionFileAndCells() {
        assertOneLine(CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--prior", "full",
                "--grid-step", "1e-5", "--out", dir.resolve("o").toString(), "--quiet"), Main.BAD_INPUT,
                "option --grid-step: grid step 1.0E-5 gives ");
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv",
                "--prior", "full", "--grid-step", "1e-5", "--out", dir.resolve("o").toString(), "--quiet");
        assertTrue(o.err().contains("prediction grid cells over the training set data/dev/train.csv, more than "
                + "10000000"), o.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aDamagedSummaryIsNamedByTheReport() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("summary.json"), "{\"run_id\": \"x\", \"settings\": {");
        assertOneLine(CommandLineTestSupport.execute("report", run.toString()), Main.BAD_INPUT,
                run.resolve("summary.json") + ": not valid JSON at line 1, column ");
        assertFalse(Files.exists(run.resolve("report")));
    }

    @Test
    void testFilesOfTheSameNameGetNamesThatTellThemApart() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.copy(Path.of("data/dev/test_01.csv"), a.resolve("train.csv"));
        Files.copy(Path.of("data/dev/test_02.csv"), b.resolve("train.csv"));
        Path out = dir.resolve("out");
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv",
                "--test", a.resolve("train.csv").toString(), "--test", b.resolve("train.csv").toString(),
                "--prior", "full", "--nlive", "20", "--posterior-samples", "20", "--out", out.toString(), "--quiet");
        assertEquals(Main.DONE, o.exitCode(), o.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"a/train\"") && summary.contains("\"b/train\""), summary);
    }
}
