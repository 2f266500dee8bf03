package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.output.Table;
import org.splitbnn.data.Dataset;

/**
 * The {@code training_points} table: the rows of every training set that a run marked for figures was trained on,
 * so that the report can draw them (Figure 1b) without the configuration's CSV files or generator. One row per point,
 * datasets in grid order, identified by name and content hash as in the {@code runs} table.
 */
final class TrainingPointsTable {

    /** Folder of the table. */
    static final String FOLDER = Table.TRAINING_POINTS.folder();

    /** Its schema. */
    static final StructType SCHEMA = Tables.schema(Table.TRAINING_POINTS);

    private TrainingPointsTable() {
    }

    /** The points of the training sets of {@code runs}, each distinct training set once. */
    static List<Row> rows(List<RunSpec> runs) {
        Map<String, RunSpec> first = new LinkedHashMap<>();
        runs.forEach(r -> first.putIfAbsent(r.train().name() + "=" + r.trainSha256(), r));
        List<Row> rows = new ArrayList<>();
        for (RunSpec r : first.values()) {
            Dataset d = r.train().build();
            for (int i = 0; i < d.size(); i++) {
                rows.add(RowFactory.create(r.train().name(), r.trainSha256(), d.x(0, i), d.x(1, i), d.y(i)));
            }
        }
        return rows;
    }
}
