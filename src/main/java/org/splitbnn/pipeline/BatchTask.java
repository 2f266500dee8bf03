package org.splitbnn.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;

/**
 * The work of one Spark task: computes a batch of runs, one after another, and commits their outcomes to the sweep's
 * commit log ({@link CommitStore#commit}) from the executor; only the commit's manifest goes back to the driver.
 */
final class BatchTask implements Serializable {

    private final Function<RunSpec, RunOutcome> run;
    private final String out;
    private final Map<String, String> hadoop;

    /**
     * A task that computes each run with {@code run} and commits into the sweep folder {@code out} through a Hadoop
     * configuration of {@code hadoop}'s settings.
     */
    BatchTask(Function<RunSpec, RunOutcome> run, String out, Map<String, String> hadoop) {
        this.run = run;
        this.out = out;
        this.hadoop = new HashMap<>(hadoop);
    }

    /**
     * What a task sends back: the manifest of its commit, or, when the commit could not be written, why.
     *
     * @param runIds      the batch's run ids
     * @param manifest    the commit's manifest (null when it could not be written)
     * @param commitError why it could not be written (null when it was)
     */
    record Result(List<String> runIds, CommitManifest manifest, String commitError) implements Serializable {
    }

    /**
     * Computes and commits {@code batch}.
     *
     * @throws IllegalStateException when the run function throws (the task fails; {@link RunTask} never does)
     */
    Result call(List<RunSpec> batch) {
        List<RunOutcome> outcomes = new ArrayList<>();
        for (RunSpec r : batch) {
            try {
                outcomes.add(run.call(r));
            } catch (Exception e) {
                throw new IllegalStateException("run " + r.runId() + ": " + RunTask.message(e), e);
            }
        }
        return commit(batch.stream().map(RunSpec::runId).toList(), outcomes, out, configuration(hadoop));
    }

    /** Commits {@code outcomes} into the sweep folder {@code out}; a failure to write is returned, not thrown. */
    static Result commit(List<String> runIds, List<RunOutcome> outcomes, String out, Configuration conf) {
        try {
            return new Result(runIds, new CommitStore(new Path(out), conf).commit(outcomes), null);
        } catch (Exception | FSError e) {
            return new Result(runIds, null, RunTask.message(e));
        }
    }

    /** A Hadoop configuration of exactly {@code settings}. */
    static Configuration configuration(Map<String, String> settings) {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        return conf;
    }
}
