package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders written through {@link RawFiles} on the local file system. */
class RawFilesTest {

    @Test
    void everyFileAndFolderGetsTheModeTheUmaskGives(@TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path root = dir.resolve("root");
        Path folder = new Path(root.resolve("a/b").toUri());
        RawFiles files = RawFiles.of(folder, new Configuration());
        files.mkdirs(folder);
        files.createNew(new Path(folder, "created"), bytes("created"));
        files.place(new Path(folder, "c/placed"), bytes("placed"));
        files.replace(new Path(folder, "replaced"), bytes("first"));
        files.replace(new Path(folder, "replaced"), bytes("second"));
        UmaskModes.assertUmaskModes(root);
        assertEquals("second", Files.readString(root.resolve("a/b/replaced")));
    }

    @Test
    void aFileReplacedOverOneWithAChecksumReadsBackWhole(@TempDir java.nio.file.Path dir) throws IOException {
        Configuration conf = new Configuration();
        Path file = new Path(dir.resolve("sweep.json").toUri());
        FileSystem checked = file.getFileSystem(conf);
        try (OutputStream o = checked.create(file, false)) {
            o.write(bytes("an earlier build's file, with its checksum"));
        }
        assertTrue(Files.exists(dir.resolve(".sweep.json.crc")));
        RawFiles.of(file, conf).replace(file, bytes("new"));
        try (InputStream in = checked.open(file)) {
            assertEquals("new", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(dir.resolve(".sweep.json.crc")), "the earlier checksum is removed");
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file left");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
