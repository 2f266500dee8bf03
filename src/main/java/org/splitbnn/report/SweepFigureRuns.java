package org.splitbnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.data.Dataset;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * The input of Figures 1b, 2 and 3 for the finished runs a sweep marks for figures, read from its {@code posterior},
 * {@code predictions} and {@code training_points} tables (each read once) and the rows already read of its
 * {@code modes} and {@code generalisation} tables.
 */
final class SweepFigureRuns {

    /** Folder of the table of training points. */
    static final String TRAINING_POINTS = Table.TRAINING_POINTS.folder();

    private SweepFigureRuns() {
    }

    /**
     * The figure input of each run of {@code marked}, by run id, in their order.
     *
     * @param modes          every run's modes, by run id
     * @param generalisation every run's generalisation rows, by run id
     */
    static Map<String, RunFigureInput> read(Path dir, List<SweepRun> marked, Map<String, List<ModeRow>> modes,
                                            Map<String, List<LogLikelihoodRow>> generalisation) throws IOException {
        Map<String, RunFigureInput> inputs = new LinkedHashMap<>();
        if (marked.isEmpty()) {
            return inputs;
        }
        ParquetTable posterior = ParquetTable.readFolder(dir.resolve(Table.POSTERIOR.folder()),
                PosteriorSamples.COLUMNS);
        ParquetTable predictions = ParquetTable.readFolder(dir.resolve(Table.PREDICTIONS.folder()),
                PredictionMap.COLUMNS);
        ParquetTable points = Files.isDirectory(dir.resolve(TRAINING_POINTS)) ? ParquetTable.readFolder(
                dir.resolve(TRAINING_POINTS), Table.TRAINING_POINTS.names("train", "train_sha256", "x1", "x2", "y"))
                : null;
        for (SweepRun r : marked) {
            inputs.put(r.runId(), new RunFigureInput(r.prior() + " prior, " + r.train() + ", sampler seed "
                    + r.seed(), r.logZ(), r.logZErr(), modes.getOrDefault(r.runId(), List.of()),
                    generalisation.getOrDefault(r.runId(), List.of()),
                    PosteriorSamples.of(r.hidden(), posterior.rowsWhere("run_id", r.runId())),
                    PredictionMap.of(predictions.rowsWhere("run_id", r.runId())), training(points, r)));
        }
        return inputs;
    }

    /** The run's training set from the training points (by name and content hash), or null when they lack it. */
    private static Dataset training(ParquetTable points, SweepRun r) {
        if (points == null) {
            return null;
        }
        ParquetTable own = points.rowsWhere("train_sha256", r.trainSha256()).rowsWhere("train", r.train());
        return own.rows() == 0 ? null : new Dataset(r.train(), own.doubles("x1"), own.doubles("x2"), own.ints("y"));
    }
}
