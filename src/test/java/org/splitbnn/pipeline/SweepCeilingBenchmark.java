package org.splitbnn.pipeline;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.spark.sql.SparkSession;

/**
 * The driver's ceiling: runs per second a sweep sustains when runs cost nothing. Each run returns a made-up finished
 * outcome at once ({@link SyntheticOutcomes}); everything else is the real path: batching, one Spark job, commits
 * written by the tasks, progress, and the tables. Run by {@code jobs/bench-sweep --ceiling}.
 *
 * <p>Arguments: {@code RUNS OUT [MASTER]} (MASTER default {@code local[8]}; OUT any Hadoop path).
 */
public final class SweepCeilingBenchmark {

    private SweepCeilingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String out = args[1];
        System.setProperty("spark.master", args.length > 2 ? args[2] : "local[8]");
        Path config = Files.createTempFile("ceiling", ".yaml");
        String seeds = LongStream.rangeClosed(1, runs).mapToObj(Long::toString).collect(Collectors.joining(", "));
        Files.writeString(config, "name: ceiling\nnlive: 20\npriors: [full]\nsampler_seeds: [" + seeds + "]\n"
                + "train:\n  - {seed: 1, counts: [5, 5, 5, 5]}\n", StandardCharsets.UTF_8);
        Sweep sweep = SweepConfigReader.read(config);
        Files.delete(config);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        try (SparkSession spark = SweepSpark.session(sweep.name())) {
            SweepReport report = new SweepDriver(spark, quiet, System.err, ProgressMode.STATUS,
                    spec -> SyntheticOutcomes.finished(spec, 0), () -> { }).run(sweep, out, true);
            System.out.println(report.line());
            System.out.printf(Locale.ROOT, "driver ceiling: %d zero-work runs in %.2f s of runs phase on %d task "
                            + "slots: %.0f runs/s; tables %.2f s (%.2f ms per run)%n", runs, report.runsSeconds(),
                    report.cores(), runs / report.runsSeconds(), report.tablesSeconds(),
                    1000 * report.tablesSeconds() / runs);
        }
    }
}
