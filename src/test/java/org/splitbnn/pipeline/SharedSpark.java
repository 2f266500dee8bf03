package org.splitbnn.pipeline;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test JVM, shared by every test class: local[2,2] (two threads, a failed task is
 * tried twice), UI off, bound to 127.0.0.1. Spark's shutdown hook stops it when the JVM exits.
 */
final class SharedSpark {

    private SharedSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder().master("local[2,2]").appName("splitbnn tests")
                .config("spark.ui.enabled", false)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 2)
                .config("spark.sql.debug.maxToStringFields", 100)
                .getOrCreate();
    }

    /** The rows of a table folder, in file order, without the columns that differ from run to run. */
    static List<Row> stableRows(String folder) {
        return session().read().parquet(folder).drop("wall_seconds", "executor_host", "executor_id")
                .collectAsList();
    }
}
