package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep folder's safety: a corrupt commit log, a folder of another sweep, a second invocation, tables whose
 * writing was interrupted, and sweeps killed (in a child JVM, {@link FaultPoint}) during a commit and while the
 * tables are swapped in. After each, the next invocation gives tables identical to a clean run's.
 */
@Tag("spark")
@Tag("slow")
class SweepFaultTest {

    @TempDir
    static Path tmp;

    /** Four runs of a fraction of a second each, every table written. */
    private static final String TINY = """
            name: tiny
            nlive: 30
            nprior: 60
            priors: [full, constrained]
            sampler_seeds: [1, 2]
            train:
              - {seed: 11, counts: [5, 10, 5, 10]}
            tests:
              - {seed: 101, counts: [5, 5, 5, 5]}
            posterior_samples: 20
            grid_step: 1.0
            outputs: {posterior: true, predictions: true}
            """;

    private static Path config;
    private static Sweep tiny;
    private static Path reference;

    @BeforeAll
    static void cleanRun() throws IOException {
        config = Files.writeString(tmp.resolve("tiny.yaml"), TINY);
        tiny = SweepConfigReader.read(config);
        reference = tmp.resolve("reference");
        run(tiny, reference, false, new ByteArrayOutputStream());
    }

    @Test
    void unreadableCommitsAreQuarantinedAndTheirRunsComputedAgain() throws IOException {
        Path out = tmp.resolve("corrupt");
        copy(reference, out);
        List<Path> entries = commits(out);
        // what a crash or a full disk leaves: a truncated file, a commit without its manifest, an old format's entry
        Path runsFile = entries.get(0).resolve("runs.parquet");
        byte[] bytes = Files.readAllBytes(runsFile);
        Files.write(runsFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(entries.get(1).resolve(CommitManifest.FILE));
        Files.writeString(out.resolve(CommitStore.FOLDER).resolve(tiny.runs().get(1).runId() + ".run"), "");
        // what a store without atomic renames may leave: a commit lacking one of its files
        Files.delete(entries.get(2).resolve("modes.parquet"));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        SweepReport report = run(tiny, out, false, warnings);
        String text = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unreadable commit " + "file:" + entries.get(0))
                || text.contains("unreadable commit " + entries.get(0)), text);
        assertTrue(text.contains("runs.parquet has " + bytes.length / 2 + " bytes"), text);
        assertTrue(text.contains(CommitManifest.FILE + " is missing"), text);
        assertTrue(text.contains(tiny.runs().get(1).runId() + ".run"), text);
        assertTrue(text.contains("missing modes.parquet"), text);
        assertEquals(3, report.computed(), "the three runs whose commits were unreadable");
        assertEquals(4, list(out.resolve(CommitStore.FOLDER).resolve(CommitStore.QUARANTINE)).size());
        assertSameTables(reference, out);
    }

    @Test
    void commitsDamagedAfterTheSweepAreQuarantinedWhenTheTablesAreRebuilt() throws IOException {
        Path out = tmp.resolve("damaged");
        copy(reference, out);
        List<Path> entries = commits(out);
        // bytes changed in place (the length the manifest gives), an empty file, a file taken from another commit
        Path generalisation = entries.get(0).resolve("generalisation.parquet");
        byte[] noise = new byte[(int) Files.size(generalisation)];
        new java.util.Random(7).nextBytes(noise);
        Files.write(generalisation, noise);
        // without the local file system's own checksum, as on a store that keeps none, the manifest's digest tells
        Files.deleteIfExists(entries.get(0).resolve(".generalisation.parquet.crc"));
        Files.write(entries.get(1).resolve("optima.parquet"), new byte[0]);
        Files.copy(entries.get(3).resolve("runs.parquet"), entries.get(2).resolve("runs.parquet"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        deleteRecursively(out.resolve("runs"));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        SweepReport report = run(tiny, out, false, warnings);
        String text = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("generalisation.parquet does not match its manifest"), text);
        assertEquals(3, report.computed(), text);
        assertEquals(3, list(out.resolve(CommitStore.FOLDER).resolve(CommitStore.QUARANTINE)).size());
        assertTrue(list(out).stream().noneMatch(p -> p.getFileName().toString().startsWith("_staging")));
        assertSameTables(reference, out);
        assertEquals(0, run(tiny, out, false, new ByteArrayOutputStream()).computed(), "a resume is clean");
    }

    @Test
    void aRunHeldByTwoCommitsCountsOnce() throws IOException {
        Path out = tmp.resolve("twice");
        copy(reference, out);
        // what a retried or speculative task leaves: a second commit of the same run, written later
        Path first = commits(out).get(0);
        Path second = first.resolveSibling("29991231T235959999Z-00000000");
        copy(first, second);
        Path manifest = second.resolve(CommitManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace(first.getFileName().toString(),
                second.getFileName().toString()));
        Files.deleteIfExists(second.resolve("." + CommitManifest.FILE + ".crc"));
        deleteRecursively(out.resolve("runs"));
        assertEquals(0, run(tiny, out, false, new ByteArrayOutputStream()).computed());
        assertSameTables(reference, out);
    }

    @Test
    void anotherSweepIsRefusedUnlessOverwritten() throws IOException {
        Path out = tmp.resolve("owned");
        copy(reference, out);
        Sweep other = tiny.only(List.of(tiny.runs().get(0).runId()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(other, out, false, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("belongs to sweep 'tiny' (4 runs)"), e.getMessage());
        assertTrue(e.getMessage().contains("lacks 3 of them"), e.getMessage());
        assertSameTables(reference, out);
        SweepReport replaced = run(other, out, true, new ByteArrayOutputStream());
        assertEquals(1, replaced.runs());
        assertEquals(1, SharedSpark.session().read().parquet(out.resolve("runs").toString()).count());
    }

    @Test
    void aLiveLockRefusesASecondInvocationAndAStaleOneIsTakenOver() throws Exception {
        Path out = tmp.resolve("locked");
        copy(reference, out);
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(out.resolve(SweepLock.FILE), "{\"host\":\"" + java.net.InetAddress.getLocalHost()
                    .getHostName() + "\",\"pid\":" + sleeper.pid() + ",\"token\":\"x\",\"started\":\"then\"}");
            SweepBusyException busy = assertThrows(SweepBusyException.class,
                    () -> run(tiny, out, false, new ByteArrayOutputStream()));
            assertTrue(busy.getMessage().contains("pid " + sleeper.pid()), busy.getMessage());
        } finally {
            sleeper.destroy();
            sleeper.waitFor(10, TimeUnit.SECONDS);
        }
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        run(tiny, out, false, warnings);
        assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("taking over the stale lock"), warnings.toString());
        assertFalse(Files.exists(out.resolve(SweepLock.FILE)), "released at the end");
        Files.writeString(out.resolve(SweepLock.FILE), "{\"host\":\"elsewhere\",\"pid\":1,\"token\":\"x\"}");
        assertThrows(SweepBusyException.class, () -> run(tiny, out, false, new ByteArrayOutputStream()),
                "a fresh lease of another host is respected");
        Files.setLastModifiedTime(out.resolve(SweepLock.FILE), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - SweepLock.EXPIRY.toMillis() - 1000));
        run(tiny, out, false, new ByteArrayOutputStream());
        assertSameTables(reference, out);
    }

    @Test
    void aCommitThatCannotBeWrittenEndsTheSweepNamingItsPath() throws IOException {
        // what a full disk does to a commit, made by turning the log's folder into a file while the runs compute
        Path out = tmp.resolve("unwritable");
        Path commits = out.resolve(CommitStore.FOLDER);
        String log = commits.toString();
        org.apache.spark.api.java.function.Function<RunSpec, RunOutcome> breaking = spec -> {
            synchronized (SweepFaultTest.class) {
                if (Files.isDirectory(Path.of(log))) {
                    deleteRecursively(Path.of(log));
                    Files.writeString(Path.of(log), "not a folder");
                }
            }
            return new RunTask().call(spec);
        };
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Files.createDirectories(commits);
        org.splitbnn.output.OutputWriteException e = assertThrows(org.splitbnn.output.OutputWriteException.class,
                () -> new SweepDriver(SharedSpark.session(), quiet, quiet, breaking, () -> { })
                        .run(tiny, out.toString(), false));
        assertTrue(e.getMessage().startsWith("could not write the commit of run "), e.getMessage());
        assertTrue(e.getMessage().contains(commits.toString()), e.getMessage());
        assertFalse(Files.exists(out.resolve(SweepLock.FILE)), "the lock is released");
        Files.delete(commits);
        run(tiny, out, false, new ByteArrayOutputStream());
        assertSameTables(reference, out);
    }

    @Test
    void tablesLeftHalfWrittenAreRepaired() throws IOException {
        Path out = tmp.resolve("half");
        copy(reference, out);
        // the old writer's leftovers: a table folder holding only _temporary, a staging folder
        deleteRecursively(out.resolve("modes"));
        Files.createDirectories(out.resolve("modes/_temporary/0"));
        Files.createDirectories(out.resolve("_staging.x/runs"));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        assertEquals(0, run(tiny, out, false, warnings).computed());
        assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("incomplete table"), warnings.toString());
        assertFalse(Files.exists(out.resolve("_staging.x")));
        assertSameTables(reference, out);
    }

    @Test
    void aSweepKilledDuringACommitOrTheTableSwapResumesToTheSameTables() throws Exception {
        Path out = tmp.resolve("killed");
        // every run of the tiny sweep commits one file per table, one task at a time on local[1]: halt after the
        // second file of the second commit
        assertEquals(FaultPoint.HALT_STATUS, childSweep(out, "commit:" + (Tables.SWEEP.size() + 2)),
                "killed in the second commit");
        assertTrue(list(out.resolve(CommitStore.FOLDER)).stream()
                .anyMatch(p -> p.getFileName().toString().startsWith("_tmp.")), "a commit was cut short");
        assertTrue(Files.exists(out.resolve(SweepLock.FILE)), "a killed process leaves its lock");
        SweepReport resumed = run(tiny, out, false, new ByteArrayOutputStream());
        assertEquals(3, resumed.computed(), "the first commit stands");
        assertSameTables(reference, out);
        // an invocation with nothing new leaves current tables alone: forget what they were built from, so the
        // next one writes them again and can be killed while it swaps them in
        Files.delete(out.resolve(SweepFolder.TABLES_SOURCE));
        assertEquals(FaultPoint.HALT_STATUS, childSweep(out, "swap:2"), "killed between two renames of a table");
        assertTrue(list(out).stream().anyMatch(p -> p.getFileName().toString().startsWith("_old.")), list(out).toString());
        assertEquals(0, run(tiny, out, false, new ByteArrayOutputStream()).computed());
        assertSameTables(reference, out);
    }

    /** Runs the tiny sweep into {@code out} in a child JVM with the fault point {@code halt}; its exit status. */
    private static int childSweep(Path out, String halt) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand, "-Xmx1g", "-D" + FaultPoint.PROPERTY + "=" + halt,
                "-Dspark.master=local[1]"));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.splitbnn.cli.Main", "sweep",
                config.toString(), "--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + halt.replace(':', '-') + ".log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child sweep ended");
        return p.exitValue();
    }

    private static SweepReport run(Sweep sweep, Path out, boolean overwrite, ByteArrayOutputStream warnings)
            throws IOException {
        PrintStream w = new PrintStream(warnings, true, StandardCharsets.UTF_8);
        return new SweepDriver(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()), w)
                .run(sweep, out.toString(), overwrite);
    }

    private static void assertSameTables(Path expected, Path actual) {
        assertEquals(List.of(), SharedSpark.differingTables(expected, actual), "tables that differ");
    }

    /** The commit folders of a sweep folder, by name. */
    private static List<Path> commits(Path out) throws IOException {
        return list(out.resolve(CommitStore.FOLDER)).stream().filter(p -> !p.getFileName().toString()
                .startsWith("_") && !p.getFileName().toString().startsWith(".")).toList();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
