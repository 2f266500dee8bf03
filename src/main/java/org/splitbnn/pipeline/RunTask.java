package org.splitbnn.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.splitbnn.analysis.Experiment;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.output.ErrorText;
import org.splitbnn.sampler.ProgressListener;

/**
 * The work of one Spark task: builds the run's datasets, runs the experiment and returns its rows. A run that throws,
 * or runs out of memory or stack, comes back as a failed outcome with the exception's message, so that the sweep goes
 * on (an OutOfMemoryError thrown into Spark would end the executor, or the whole sweep in local mode).
 */
public final class RunTask implements Function<RunSpec, RunOutcome> {

    @Override
    public RunOutcome call(RunSpec spec) {
        RunRows.Executor where = executor();
        long start = System.nanoTime();
        try {
            ExperimentResult result = Experiment.run(spec.experiment(), ProgressListener.QUIET);
            return RunRows.ok(spec, result, where, (System.nanoTime() - start) * 1e-9);
        } catch (RuntimeException | StackOverflowError e) {
            return RunRows.failed(spec, message(e), (System.nanoTime() - start) * 1e-9, where);
        } catch (OutOfMemoryError e) {
            // the run's arrays are unreachable once it has thrown, so the executor goes on with its memory back
            return RunRows.failed(spec, message(e) + " (the run needs more memory than its executor has: raise "
                    + "spark.executor.memory or -Xmx, or lower nlive/nprior)", (System.nanoTime() - start) * 1e-9,
                    where);
        }
    }

    /** A throwable as one line: its class and message. */
    static String message(Throwable e) {
        String m = ErrorText.of(e);
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
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
