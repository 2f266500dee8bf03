package org.splitbnn.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.RunSettings;

/**
 * Writes the output directory of one run: {@code summary.json} ({@link SummaryJson}), the Parquet files
 * {@code dead}, {@code posterior}, {@code modes}, {@code generalisation} and {@code predictions} ({@link RunTables})
 * and, when asked, PolyChord's files ({@link PolyChordFiles}). The directory appears complete or not at all
 * ({@link OutputDirectory}).
 */
public final class RunOutput {

    /** The summary's file name. */
    public static final String SUMMARY = "summary.json";

    /**
     * Glob patterns of the names of every file a run writes (besides the marker), for a marker of an earlier version
     * that does not name them ({@link OutputDirectory}).
     */
    public static final List<String> OWN_FILES = List.of(SUMMARY, "*.parquet", PolyChordFiles.ROOT + "*");

    private RunOutput() {
    }

    /**
     * Writes the run's files into {@code dir}.
     *
     * @param runId      the run's id (as a sweep would give the same run)
     * @param settings   the run's settings
     * @param data       the dataset files read, train first (a forced replacement never deletes them)
     * @param version    the splitbnn version
     * @param force      replace a directory that splitbnn wrote
     * @param polychord  also write PolyChord's files
     */
    public static void write(Path dir, String runId, RunSettings settings, ExperimentResult result,
                             List<DataSource> data, String version, boolean force, boolean polychord)
            throws IOException {
        List<Path> inputs = data.stream().map(d -> Path.of(d.path())).toList();
        OutputDirectory.publish(dir, force, inputs, OWN_FILES, tmp -> {
            Files.writeString(tmp.resolve(SUMMARY), SummaryJson.text(SummaryJson.of(runId, settings, result, data,
                    version)), StandardCharsets.UTF_8);
            String train = data.get(0).name();
            for (Map.Entry<Table, ParquetTable> table : RunTables.all(runId, train, settings, result).entrySet()) {
                table.getValue().write(tmp.resolve(table.getKey().folder() + ".parquet"));
            }
            if (polychord) {
                PolyChordFiles.write(tmp, result.sampler(), result.modes(), result.spec().posteriorSamples());
            }
        });
    }
}
