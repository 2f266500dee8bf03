package org.splitbnn.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.splitbnn.output.Table;

/**
 * The one Spark session of the test JVM, shared by every test class: local[2,2] (two threads, a failed task is
 * tried twice), UI off, bound to 127.0.0.1. Spark's shutdown hook stops it when the JVM exits. Public so that
 * other packages' tests share it too.
 */
public final class SharedSpark {

    /** Every table folder a sweep may write. */
    static final List<String> TABLES = Stream.of(Table.values()).map(Table::folder).toList();

    private SharedSpark() {
    }

    /** The session, created on first use. */
    public static SparkSession session() {
        return SparkSession.builder().master("local[2,2]").appName("splitbnn tests")
                .config("spark.ui.enabled", false)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 2)
                .config("spark.sql.debug.maxToStringFields", 100)
                .getOrCreate();
    }

    /**
     * The rows of a table folder as sorted strings (doubles print exactly), without the columns that differ from
     * run to run. Sorted because Spark reads a folder's part files in no fixed order.
     */
    static List<String> stableRows(Path folder) {
        return session().read().parquet(folder.toString())
                .drop("sampler_seconds", "wall_seconds", "executor_host", "executor_id")
                .collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /**
     * The tables of two sweep folders that differ (wall times and executors aside), or that only one of them has;
     * empty when they hold identical numbers.
     */
    static List<String> differingTables(Path a, Path b) {
        List<String> differing = new ArrayList<>();
        for (String t : TABLES) {
            boolean inA = Files.isDirectory(a.resolve(t));
            if (inA != Files.isDirectory(b.resolve(t))
                    || inA && !stableRows(a.resolve(t)).equals(stableRows(b.resolve(t)))) {
                differing.add(t);
            }
        }
        return differing;
    }
}
