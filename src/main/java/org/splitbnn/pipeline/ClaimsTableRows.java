package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.analysis.claims.ClaimRow;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.splitbnn.analysis.claims.ClaimsTable;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.analysis.claims.StudyRun;
import org.splitbnn.output.Table;

/**
 * The {@code claims} table: one row per claim and condition ({@link ClaimsTable}), computed on the driver from the
 * finished runs' study records ({@link StudyRuns}), read from the commit log one run at a time, in grid order, so
 * that it does not depend on how Spark partitions anything.
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
            Condition condition = c.condition();
            Map<String, Object> v = new HashMap<>();
            v.put("claim", c.claim().id());
            v.put("prior", condition.prior());
            v.put("dataset", condition.dataset());
            v.put("counts", condition.counts() == null ? null : condition.counts().toArray(Integer[]::new));
            v.put("train_size", condition.trainSize());
            v.put("noise_variance", condition.noiseVariance());
            v.put("hidden", condition.hidden());
            v.put("prior_half_width", condition.priorHalfWidth());
            v.put("nlive", condition.sampling().nlive());
            v.put("repeats_per_dimension", condition.sampling().repeatsPerDimension());
            v.put("sampler", condition.sampling().sampler());
            v.put("training_sets", c.trainingSets());
            v.put("runs", c.runs());
            v.put("statistic", c.claim().statistic());
            v.put("estimate", nullIfNaN(c.estimate()));
            v.put("ci_low", nullIfNaN(c.low()));
            v.put("ci_high", nullIfNaN(c.high()));
            v.put("threshold", c.claim().threshold());
            v.put("claimed_side", c.claim().above() ? "above" : "below");
            v.put("verdict", c.verdict().label());
            v.put("convergence", c.convergence() == null ? null : c.convergence().label());
            rows.add(Tables.of(Table.CLAIMS, v));
        }
        return rows;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
