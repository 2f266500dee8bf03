package org.splitbnn.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.splitbnn.analysis.Experiment;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.sampler.ProgressListener;

/**
 * The work of one Spark task: builds the run's datasets, runs the experiment and returns its rows. A run that throws
 * comes back as a failed outcome with the exception's message, so that the sweep goes on.
 */
public final class RunTask implements Function<RunSpec, RunOutcome> {

    @Override
    public RunOutcome call(RunSpec spec) {
        RunRows.Executor where = executor();
        long start = System.nanoTime();
        try {
            ExperimentResult result = Experiment.run(spec.experiment(), ProgressListener.QUIET);
            return RunRows.ok(spec, result, result.solutions().get(0), where, (System.nanoTime() - start) * 1e-9);
        } catch (RuntimeException e) {
            return RunRows.failed(spec, message(e), (System.nanoTime() - start) * 1e-9, where);
        }
    }

    /** A throwable as one line: its class and message. */
    static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }

    private static RunRows.Executor executor() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        SparkEnv env = SparkEnv.get();
        return new RunRows.Executor(host, env == null ? "none" : env.executorId());
    }
}
