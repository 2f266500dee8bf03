package org.splitbnn.pipeline;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
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

    /**
     * The Hadoop configuration the driver reads a sweep's inputs with before Spark starts: Hadoop's own (with the
     * {@code core-site.xml} and {@code hdfs-site.xml} of {@code HADOOP_CONF_DIR} when that is on the classpath), plus
     * every submitted {@code spark.hadoop.*} setting without its prefix, as Spark's own Hadoop configuration has.
     */
    public static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        for (var setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
            conf.set(setting._1(), setting._2());
        }
        return conf;
    }
}
