package org.splitbnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.Sha256;
import org.splitbnn.output.DataSource;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;
import org.splitbnn.output.RunOutput;

/**
 * What the report reads of a run's output directory: {@code summary.json}, and the figures' input from the modes,
 * generalisation, posterior and predictions tables and the training set the summary names (when its file is still
 * there, unchanged).
 *
 * @param dir     the run directory
 * @param summary {@code summary.json}
 * @param figures the input of Figures 1b, 2 and 3
 */
public record RunDirectory(Path dir, JsonNode summary, RunFigureInput figures) {

    /** Reads the run directory {@code dir}. */
    public static RunDirectory read(Path dir) throws IOException {
        JsonNode summary = summary(dir.resolve(RunOutput.SUMMARY));
        List<ModeRow> modes = ModeRow.of(ParquetTable.read(file(dir, Table.MODES), ModeRow.COLUMNS));
        List<LogLikelihoodRow> generalisation = LogLikelihoodRow.of(
                ParquetTable.read(file(dir, Table.GENERALISATION), LogLikelihoodRow.COLUMNS));
        PosteriorSamples posterior = PosteriorSamples.of(summary.path("settings").path("hidden").asInt(),
                ParquetTable.read(file(dir, Table.POSTERIOR), PosteriorSamples.COLUMNS));
        RunFigureInput figures = new RunFigureInput(summary.path("settings").path("prior").asText() + " prior",
                summary.path("log_z").asDouble(), summary.path("log_z_err").asDouble(), modes, generalisation,
                posterior, PredictionMap.of(ParquetTable.read(file(dir, Table.PREDICTIONS), PredictionMap.COLUMNS)),
                training(dir, summary));
        return new RunDirectory(dir, summary, figures);
    }

    /**
     * The run summary in {@code file}.
     *
     * @throws IllegalArgumentException naming the file, and the line and column where it stops being valid JSON
     */
    private static JsonNode summary(Path file) throws IOException {
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(start marker at \\[Source.*", "").replaceAll("\\s*\\[Source:[^]]*]", "");
            throw new IllegalArgumentException(file + ": not valid JSON" + (at == null ? "" : " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + problem);
        }
        if (summary == null || !summary.isObject()) {
            throw new IllegalArgumentException(file + ": not a run summary (expected a JSON object {...})");
        }
        return summary;
    }

    /** The Parquet file of {@code table} in the run directory {@code dir}. */
    private static Path file(Path dir, Table table) {
        return dir.resolve(table.folder() + ".parquet");
    }

    /** Whether {@code dir} looks like a run directory (it has a summary). */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunOutput.SUMMARY));
    }

    /** The prior's name, from the summary's settings. */
    public String prior() {
        return summary.path("settings").path("prior").asText();
    }

    /** The training set's file as the summary records it. */
    public String trainingPath() {
        for (JsonNode d : summary.path("data")) {
            if (d.path("role").asText().equals(DataSource.TRAIN)) {
                return d.path("path").asText();
            }
        }
        return "";
    }

    /**
     * The training set: its path as recorded, taken as it is (relative to the working directory) or relative to
     * the run directory, provided the file's SHA-256 is the recorded one; null otherwise.
     */
    private static Dataset training(Path dir, JsonNode summary) throws IOException {
        for (JsonNode d : summary.path("data")) {
            if (!d.path("role").asText().equals(DataSource.TRAIN)) {
                continue;
            }
            Path recorded = Path.of(d.path("path").asText());
            for (Path candidate : List.of(recorded, dir.resolve(recorded))) {
                if (Files.isRegularFile(candidate) && Sha256.ofFile(candidate).equals(d.path("sha256").asText())) {
                    return DatasetCsv.read(candidate);
                }
            }
        }
        return null;
    }
}
