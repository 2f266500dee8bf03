package org.splitbnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.Sha256;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.RunOutput;

/**
 * What the report reads of a run's output directory: {@code summary.json}, the modes, generalisation, posterior
 * and predictions tables, and the training set the summary names (when its file is still there, unchanged).
 *
 * @param dir            the run directory
 * @param summary        {@code summary.json}
 * @param modes          every mode, largest local evidence first
 * @param generalisation the generalisation table
 * @param posterior      the posterior table (solution, parameters, mode)
 * @param predictions    the prediction maps by solution
 * @param training       the training set, or null when its file is missing or changed
 */
public record RunDirectory(Path dir, JsonNode summary, List<ModeRow> modes, List<LogLikelihoodRow> generalisation,
                           ParquetTable posterior, Map<String, PredictionMap> predictions, Dataset training) {

    /** Reads the run directory {@code dir}. */
    public static RunDirectory read(Path dir) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(dir.resolve(RunOutput.SUMMARY).toFile());
        List<ModeRow> modes = ModeRow.of(ParquetTable.read(dir.resolve("modes.parquet"), ModeRow.COLUMNS), false);
        List<LogLikelihoodRow> generalisation = LogLikelihoodRow.of(
                ParquetTable.read(dir.resolve("generalisation.parquet"), LogLikelihoodRow.COLUMNS), false);
        ParquetTable posterior = ParquetTable.read(dir.resolve("posterior.parquet"));
        Map<String, PredictionMap> predictions = PredictionMap.of(
                ParquetTable.read(dir.resolve("predictions.parquet"), PredictionMap.COLUMNS));
        return new RunDirectory(dir, summary, modes, generalisation, posterior, predictions, training(dir, summary));
    }

    /** Whether {@code dir} looks like a run directory (it has a summary). */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunOutput.SUMMARY));
    }

    /** The prominent modes, largest local evidence first. */
    public List<ModeRow> prominentModes() {
        return modes.stream().filter(ModeRow::prominent).toList();
    }

    /** The prior's name, from the summary's settings. */
    public String prior() {
        return summary.path("settings").path("prior").asText();
    }

    /** The training set's file as the summary records it. */
    public String trainingPath() {
        for (JsonNode d : summary.path("data")) {
            if (d.path("role").asText().equals("train")) {
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
            if (!d.path("role").asText().equals("train")) {
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
