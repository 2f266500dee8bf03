package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.analysis.claims.ClaimRow;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.splitbnn.analysis.claims.ClaimsTable;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.output.Table;

/**
 * The {@code claims} table: one row per claim and condition ({@link ClaimsTable}), computed on the driver from the
 * finished runs' study records ({@link StudyRuns}), read from the commit log one run at a time, in grid order, so that it does not depend on how Spark partitions anything.
 */
final class ClaimsTableRows {

    /** Folder of the table. */
    static final String FOLDER = Table.CLAIMS.folder();

    /** Its schema ({@link Table#CLAIMS}). */
    static final StructType SCHEMA = Tables.schema(Table.CLAIMS);

    private ClaimsTableRows() {
    }

    /** The rows for the study records of the runs that finished, in grid order. */
    static List<Row> rows(List<StudyRun> study, ClaimSettings settings) {
        List<Row> rows = new ArrayList<>();
        for (ClaimRow c : ClaimsTable.of(study, settings)) {
            Condition.Sampling sampling = c.condition().sampling();
            rows.add(RowFactory.create(c.claim().id(), c.condition().prior(),
                    c.condition().counts() == null ? null : c.condition().counts().toArray(Integer[]::new),
                    c.condition().counts() == null ? null : c.condition().counts().stream().mapToInt(i -> i).sum(),
                    c.condition().noiseVariance(), c.condition().hidden(), c.condition().priorHalfWidth(),
                    sampling.nlive(), sampling.repeatsPerDimension(), sampling.sampler(),
                    c.trainingSets(), c.runs(), c.claim().statistic(), nullIfNaN(c.estimate()), nullIfNaN(c.low()),
                    nullIfNaN(c.high()), c.claim().threshold(), c.claim().above() ? "above" : "below",
                    c.verdict().label(), c.convergence() == null ? null : c.convergence().label()));
        }
        return rows;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
