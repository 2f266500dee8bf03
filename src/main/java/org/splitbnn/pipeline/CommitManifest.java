package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What a commit holds, written last into it as {@link #FILE}: the commit's own name, every run it holds with its
 * headline and its rows per table, and every table file with its rows, bytes and SHA-256. A reader trusts a commit's
 * files only as far as they match it, so a file truncated, replaced or taken from another commit is found damaged.
 *
 * @param formatVersion the commit layout's version ({@link CommitStore#FORMAT_VERSION})
 * @param commit        the commit's folder name
 * @param runs          the runs it holds, in the order their rows appear in its files
 * @param files         per table folder name, its file
 */
record CommitManifest(int formatVersion, String commit, List<RunEntry> runs, Map<String, FileEntry> files)
        implements Serializable {

    /** The manifest's file name in a commit folder. */
    static final String FILE = "_manifest.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Copies the lists and maps into serializable, sorted collections. */
    CommitManifest {
        Objects.requireNonNull(commit, "commit");
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        Objects.requireNonNull(files, "files");
        files = new TreeMap<>(files);
    }

    /**
     * One run of a commit.
     *
     * @param headline what the driver keeps of it
     * @param rows     its rows per table folder name (tables it has no rows in are absent)
     */
    record RunEntry(RunHeadline headline, Map<String, Integer> rows) implements Serializable {

        /** Copies the rows into a serializable, sorted map. */
        RunEntry {
            Objects.requireNonNull(headline, "headline");
            rows = new TreeMap<>(rows);
        }
    }

    /**
     * One table file of a commit.
     *
     * @param rows   its rows
     * @param bytes  its length
     * @param sha256 the SHA-256 of its bytes
     */
    record FileEntry(long rows, long bytes, String sha256) implements Serializable {
    }

    /** The manifest as JSON. */
    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    /** A manifest read from its JSON. */
    static CommitManifest parse(byte[] json) throws IOException {
        return JSON.readValue(json, CommitManifest.class);
    }
}
