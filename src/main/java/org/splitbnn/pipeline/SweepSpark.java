package org.splitbnn.pipeline;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a sweep. The master comes from the system property {@code spark.master} (set by
 * spark-submit, or by hand with {@code -Dspark.master=local[2]}), else {@code local[*]}: Spark runs embedded. With a
 * local master the UI is off and everything is bound to 127.0.0.1; with a cluster master the submitted settings
 * apply unchanged.
 */
public final class SweepSpark {

    private SweepSpark() {
    }

    /** The session for a sweep called {@code name}. */
    public static SparkSession session(String name) {
        String master = System.getProperty("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName("splitbnn sweep " + name).master(master);
        if (master.startsWith("local")) {
            b.config("spark.ui.enabled", false)
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", 4);
        }
        // the runs table is wider than Spark's default limit for plan strings, which it warns about
        return b.config("spark.sql.debug.maxToStringFields", 100).getOrCreate();
    }
}
