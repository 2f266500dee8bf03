package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a sweep folder: what is a fresh start, what is refused; the modes of what it writes. */
class SweepFolderTest {

    @Test
    void aFolderHoldingOnlyADeadProcesssLockIsAFreshStart(@TempDir java.nio.file.Path dir) throws Exception {
        Path out = new Path(dir.resolve("out").toUri());
        Configuration conf = new Configuration();
        FileSystem fs = out.getFileSystem(conf);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (FSDataOutputStream s = fs.create(new Path(out, SweepLock.FILE), false)) {
            s.write(("{\"host\":\"" + InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + gone.pid()
                    + ",\"token\":\"t\",\"started\":\"then\"}").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.exists(dir.resolve("out").resolve("." + SweepLock.FILE + ".crc")), "a lock and its checksum");
        List<String> warnings = new ArrayList<>();
        try (SweepFolder folder = SweepFolder.open(out, conf, List.of(), warnings::add)) {
            assertEquals(out, folder.path());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("stale lock"), warnings.toString());
    }

    @Test
    void aFolderHoldingAnythingElseIsRefused(@TempDir java.nio.file.Path dir) throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepFolder.open(
                new Path(dir.resolve("out").toUri()), new Configuration(), List.of(), w -> { }));
        assertTrue(e.getMessage().contains("holds no sweep"), e.getMessage());
    }

    @Test
    void anotherToolsSweepRecordIsRefusedAndKept(@TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path folder = Files.createDirectories(dir.resolve("out"));
        Files.writeString(folder.resolve(SweepFolder.RECORD), "{\"tool\": \"other\"}");
        Files.writeString(folder.resolve("thesis.tex"), "precious");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepFolder.open(
                new Path(folder.toUri()), new Configuration(), List.of(), w -> { }));
        assertTrue(e.getMessage().contains("splitbnn did not write"), e.getMessage());
        assertEquals("{\"tool\": \"other\"}", Files.readString(folder.resolve(SweepFolder.RECORD)));
        assertEquals(List.of(SweepFolder.RECORD, "thesis.tex"), Files.list(folder)
                .map(f -> f.getFileName().toString()).sorted().toList());
    }

    @Test
    void theFolderAndTheFilesItWritesGetTheModesTheUmaskGives(@TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path root = dir.resolve("parent");
        Path out = new Path(root.resolve("out").toUri());
        Sweep sweep = SweepConfigReader.read(java.nio.file.Path.of("conf/smoke.yaml"));
        try (SweepFolder folder = SweepFolder.open(out, new Configuration(), List.of(), w -> { })) {
            folder.claim(sweep, Set.of());
            folder.writeConfig("name: smoke\n");
            folder.swapIn(folder.staging(), List.of(), List.of(), "digest");
            folder.writeSummary(new ClosingSummary(sweep.name(), "ok", "done", null, null, null, null, null, null,
                    null, null, null, null, null, null, null));
            assertTrue(Files.exists(root.resolve("out").resolve(SweepLock.FILE)), "the lock, while the folder is open");
            UmaskModes.assertUmaskModes(root);
        }
        assertEquals(Set.of(SweepFolder.RECORD, SweepFolder.CONFIG, SweepFolder.TABLES_SOURCE, ClosingSummary.FILE),
                Set.of(root.resolve("out").toFile().list()));
        UmaskModes.assertUmaskModes(root);
    }
}
