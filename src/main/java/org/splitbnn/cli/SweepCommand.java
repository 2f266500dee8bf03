package org.splitbnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.splitbnn.pipeline.ProgressMode;
import org.splitbnn.output.ErrorText;
import org.splitbnn.pipeline.Sweep;
import org.splitbnn.pipeline.SweepChecks;
import org.splitbnn.pipeline.SweepConfigReader;
import org.splitbnn.pipeline.SweepDriver;
import org.splitbnn.pipeline.SweepReport;
import org.splitbnn.pipeline.SweepSpark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code splitbnn sweep}: runs a sweep configuration on Spark and writes its Parquet tables. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a sweep (datasets x priors x sampler seeds x hidden) on Spark and write Parquet tables.",
                "Embedded local[*] Spark by default; under spark-submit (jobs/submit) the submitted master.",
                "Runs already committed in --out are not recomputed; --out belongs to one sweep (see --overwrite)."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = {"Sweep configuration (YAML, see conf/): any Hadoop "
            + "path (local, hdfs://, ...); its CSV paths are relative to its folder."})
    String config;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (any Hadoop path: local, hdfs://, ...); _SUMMARY.json there tells how the last"
                    + " invocation ended.")
    String out;

    @Option(names = "--overwrite", description = "Remove earlier results in DIR, of this sweep or another, and "
            + "compute every run again.")
    boolean overwrite;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            converter = ProgressModeConverter.class,
            description = "Progress while runs compute: runs (a line per run), status (a line at most every "
                    + ProgressMode.STATUS_SECONDS + " s: done, failed, runs/s, ETA) or auto (runs for up to "
                    + ProgressMode.RUN_LINES_UP_TO + " runs to compute, else status; the default).")
    ProgressMode progress;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        checkOut(SweepSpark.hadoopConfiguration());
        Sweep sweep = SweepConfigReader.read(config, SweepSpark.hadoopConfiguration());
        SweepChecks.checkMemory(sweep);
        PrintWriter stderr = spec.commandLine().getErr();
        SweepChecks.warnings(sweep).forEach(w -> stderr.println("splitbnn sweep: warning: " + w));
        stderr.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(sweep.plan(Runtime.getRuntime().availableProcessors()));
        stdout.printf(Locale.ROOT, "into %s%n", out);
        stdout.flush();
        SweepReport report;
        double sparkSeconds;
        try (SparkSession spark = SweepSpark.session(sweep.name())) {
            sparkSeconds = (System.nanoTime() - start) * 1e-9;
            report = new SweepDriver(spark, System.out, System.err, progress).run(sweep, out, overwrite);
        }
        double total = (System.nanoTime() - start) * 1e-9;
        stdout.println(report.line());
        stdout.printf(Locale.ROOT, "wall %.1f s (config and Spark start %.1f s)%n", total, sparkSeconds);
        stdout.flush();
        return report.failed() == 0 ? Main.DONE : Main.FAILED;
    }

    /** Reads a progress mode by its lower-case name. */
    static final class ProgressModeConverter implements CommandLine.ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            try {
                return ProgressMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected auto, runs or status, got '" + value + "'");
            }
        }
    }

    /** Throws unless {@code --out} is a path of a file system that {@code conf} knows. */
    private void checkOut(Configuration conf) {
        if (out.isEmpty()) {
            throw new IllegalArgumentException("option --out: an empty path; name the sweep's output folder");
        }
        try {
            new Path(out).getFileSystem(conf);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("option --out '" + out + "': " + ErrorText.of(e));
        }
    }
}
