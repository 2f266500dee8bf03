package org.splitbnn.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.splitbnn.analysis.Experiment;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.Solution;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.WeightedPoints;

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
            return RunRows.ok(spec, result, fullPosterior(result), where);
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

    private static Solution fullPosterior(ExperimentResult result) {
        WeightedPoints all = result.sampler().posterior();
        int n = result.spec().posteriorSamples();
        int[] rows = all.resample(n, result.spec().sampler().seed());
        Map<Integer, Integer> rank = new HashMap<>();
        for (ModeReport m : result.modes()) {
            rank.put(m.clusterId(), m.mode());
        }
        double[][] theta = new double[n][];
        double[] logL = new double[n];
        int[] modes = new int[n];
        for (int s = 0; s < n; s++) {
            theta[s] = java.util.Arrays.copyOfRange(all.theta(), rows[s] * all.dimension(),
                    (rows[s] + 1) * all.dimension());
            logL[s] = all.logL()[rows[s]];
            modes[s] = rank.getOrDefault(all.cluster()[rows[s]], 0);
        }
        return new Solution(Solution.FULL, 0, theta, logL, modes);
    }
}
