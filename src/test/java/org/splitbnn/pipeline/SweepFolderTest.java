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

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a sweep folder: what is a fresh start, what is refused. */
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
}
