package org.splitbnn.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code summary} table, computed with Spark SQL from the {@code runs} and {@code generalisation} tables: per
 * prior, nlive, nprior, num_repeats and hidden, the number of runs, the mean and sd of log Z, the distribution of
 * prominent-mode counts, and how often the full solution beats the highest-evidence mode (mode 1) on the test sets,
 * comparing the mean of &lt;log L&gt;/N averaged over the test sets.
 */
final class SummaryQuery {

    private static final String KEYS = "prior, nlive, nprior, num_repeats, hidden";

    private SummaryQuery() {
    }

    /** The summary rows, sorted by the keys. Inputs go through one partition so sums are reproducible. */
    static Dataset<Row> of(SparkSession spark, Dataset<Row> runs, Dataset<Row> generalisation) {
        runs.coalesce(1).createOrReplaceTempView("sweep_runs");
        generalisation.coalesce(1).createOrReplaceTempView("sweep_generalisation");
        String sql = """
                WITH test_means AS (
                  SELECT run_id, solution, avg(mean) AS m FROM sweep_generalisation
                  WHERE dataset <> 'train' GROUP BY run_id, solution),
                beats AS (
                  SELECT f.run_id, CAST(f.m > t.m AS INT) AS beats FROM test_means f JOIN test_means t
                  ON f.run_id = t.run_id WHERE f.solution = 'full' AND t.solution = 'mode 1'),
                counts AS (
                  SELECT KEYS, n_prominent_modes, count(*) AS n FROM sweep_runs WHERE status = 'ok'
                  GROUP BY KEYS, n_prominent_modes),
                dist AS (
                  SELECT KEYS, map_from_entries(array_sort(collect_list(struct(n_prominent_modes, n))))
                    AS prominent_mode_counts
                  FROM counts GROUP BY KEYS)
                SELECT r.prior, r.nlive, r.nprior, r.num_repeats, r.hidden,
                  count(*) AS runs,
                  count_if(r.status = 'ok') AS runs_ok,
                  count_if(r.status = 'failed') AS runs_failed,
                  avg(r.log_z) AS log_z_mean,
                  stddev_samp(r.log_z) AS log_z_sd,
                  avg(r.log_z_err) AS log_z_err_mean,
                  avg(r.n_prominent_modes) AS prominent_modes_mean,
                  min(r.n_prominent_modes) AS prominent_modes_min,
                  median(r.n_prominent_modes) AS prominent_modes_median,
                  max(r.n_prominent_modes) AS prominent_modes_max,
                  any_value(d.prominent_mode_counts) AS prominent_mode_counts,
                  count(b.run_id) AS runs_compared,
                  coalesce(sum(b.beats), 0) AS full_beats_top_mode,
                  avg(b.beats) AS full_beats_top_mode_fraction
                FROM sweep_runs r
                LEFT JOIN beats b ON r.run_id = b.run_id
                LEFT JOIN dist d ON r.prior = d.prior AND r.nlive = d.nlive AND r.nprior = d.nprior
                  AND r.num_repeats = d.num_repeats AND r.hidden = d.hidden
                GROUP BY r.prior, r.nlive, r.nprior, r.num_repeats, r.hidden
                ORDER BY r.prior, r.nlive, r.nprior, r.num_repeats, r.hidden
                """.replace("KEYS", KEYS);
        return spark.sql(sql);
    }
}
