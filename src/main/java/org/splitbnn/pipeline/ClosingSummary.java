package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.splitbnn.output.ErrorText;
import org.splitbnn.output.SplitbnnVersion;

/**
 * How a sweep invocation ended, written into its output folder as {@value #FILE} so that a user sees it without the
 * driver's console (which, in cluster deploy mode, lives on a cluster machine). Snake-case keys; the counts and times
 * are those of {@link SweepReport} and are absent when the invocation ended in an error.
 *
 * @param sweep            sweep name
 * @param status           {@code ok} (every run of the grid ok), {@code failed_runs} (some runs failed; the next
 *                         invocation tries them again) or {@code error} (the invocation stopped: see message)
 * @param message          the report line, or the error
 * @param runs             runs in the grid
 * @param computed         runs computed by this invocation
 * @param alreadyCommitted runs committed by an earlier invocation
 * @param failed           runs of the grid whose committed status is failed
 * @param runsSeconds      wall time from submitting the runs to the last commit
 * @param tablesSeconds    wall time spent writing the tables
 * @param sumRunSeconds    sum of the computed runs' own wall times
 * @param started          when the invocation started (ISO-8601, UTC)
 * @param ended            when it ended
 * @param sparkMaster      the Spark master
 * @param deployMode       {@code client} or {@code cluster}
 * @param applicationId    Spark's application id
 * @param splitbnnVersion  the splitbnn version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosingSummary(String sweep, String status, String message, Integer runs, Integer computed,
                             Integer alreadyCommitted, Integer failed, Double runsSeconds, Double tablesSeconds,
                             Double sumRunSeconds, String started, String ended, String sparkMaster,
                             String deployMode, String applicationId, String splitbnnVersion) {

    /** The file's name in the sweep's output folder. */
    public static final String FILE = "_SUMMARY.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The summary of an invocation that finished. */
    static ClosingSummary finished(SweepReport r, Instant started, SparkContext sc) {
        return new ClosingSummary(r.name(), r.failed() == 0 ? "ok" : "failed_runs", r.line(), r.runs(), r.computed(),
                r.reused(), r.failed(), r.runsSeconds(), r.tablesSeconds(), r.sumRunSeconds(), started.toString(),
                Instant.now().toString(), sc.master(), sc.deployMode(), sc.applicationId(),
                SplitbnnVersion.current());
    }

    /** The summary of an invocation that stopped with {@code error}. */
    static ClosingSummary error(String sweep, Throwable error, Instant started, SparkContext sc) {
        String message = error.getMessage() == null ? error.toString() : ErrorText.of(error);
        return new ClosingSummary(sweep, "error", message, null, null, null, null, null, null, null,
                started.toString(), Instant.now().toString(), sc.master(), sc.deployMode(), sc.applicationId(),
                SplitbnnVersion.current());
    }

    /** Reads a summary written by {@link SweepFolder#writeSummary}. */
    public static ClosingSummary read(Path out, FileSystem fs) throws IOException {
        try (InputStream in = fs.open(new Path(out, FILE))) {
            return JSON.readValue(in, ClosingSummary.class);
        }
    }

    /** The summary as the JSON text of {@link #FILE}. */
    byte[] json() throws IOException {
        return JSON.writeValueAsBytes(this);
    }
}
