package org.splitbnn.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Checks on sweep output folders for jobs/test-cluster (run with the test classpath):
 * <ul>
 *   <li>{@code same DIR_A DIR_B...}: each DIR_B holds the tables of DIR_A (wall times and executors aside); with
 *   several, one line per folder on stdout, {@code DIR_B: ok} or {@code DIR_B: tables differ: [...]};</li>
 *   <li>{@code once DIR N}: the runs table has N rows, each run id once, all ok, and the commit log counts N runs
 *   finished, every commit readable;</li>
 *   <li>{@code executors DIR}: prints the executor ids the runs ran on.</li>
 * </ul>
 * Exits 1 when a check fails.
 */
public final class SweepTablesCheck {

    private SweepTablesCheck() {
    }

    public static void main(String[] args) throws Exception {
        String failure = switch (args[0]) {
            case "same" -> same(Path.of(args[1]), Stream.of(args).skip(2).map(Path::of).toList());
            case "once" -> once(Path.of(args[1]), Integer.parseInt(args[2]));
            case "executors" -> {
                System.out.println(SharedSpark.session().read().parquet(Path.of(args[1], "runs").toString())
                        .select("executor_id").distinct().as(Encoders.STRING()).collectAsList());
                yield null;
            }
            default -> "unknown check " + args[0];
        };
        if (failure != null) {
            System.err.println("check " + args[0] + ": FAILED: " + failure);
            System.exit(1);
        }
        System.out.println("check " + args[0] + ": ok");
        System.exit(0);
    }

    private static String same(Path reference, List<Path> folders) {
        List<String> failing = new java.util.ArrayList<>();
        for (Path folder : folders) {
            List<String> differing = SharedSpark.differingTables(reference, folder);
            String verdict = differing.isEmpty() ? "ok" : "tables differ: " + differing;
            if (folders.size() > 1) {
                System.out.println(folder + ": " + verdict);
            }
            if (!differing.isEmpty()) {
                failing.add(folders.size() > 1 ? folder.toString() : verdict);
            }
        }
        return failing.isEmpty() ? null : folders.size() > 1 ? "tables differ in " + failing : failing.get(0);
    }

    private static String once(Path dir, int n) throws Exception {
        List<Row> runs = SharedSpark.session().read().parquet(dir.resolve("runs").toString()).collectAsList();
        long ids = runs.stream().map(r -> r.<String>getAs("run_id")).distinct().count();
        long ok = runs.stream().filter(r -> "ok".equals(r.getAs("status"))).count();
        List<String> warnings = new java.util.ArrayList<>();
        List<CommitManifest> log = new CommitStore(new org.apache.hadoop.fs.Path(dir.toUri()),
                new org.apache.hadoop.conf.Configuration()).load(warnings::add);
        long committed = CommitStore.winners(log).values().stream().filter(c -> c.headline().ok()).count();
        if (runs.size() != n || ids != n || ok != n || committed != n || !warnings.isEmpty()) {
            return String.format("expected %d runs; rows %d, distinct ids %d, ok %d, runs committed ok %d; %s", n,
                    runs.size(), ids, ok, committed, warnings);
        }
        return null;
    }
}
