package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.splitbnn.analysis.RunSettings;
import org.splitbnn.data.Dataset;
import org.splitbnn.output.WorkChecks;

/**
 * The checks of a sweep's work made before Spark starts: a run that cannot fit an executor's heap is refused, and
 * long runs, large prediction grids and many runs are announced with an estimate of the time.
 */
public final class SweepChecks {

    private SweepChecks() {
    }

    /**
     * Throws unless every run fits the heap of one executor: {@code spark.executor.memory} when it is set (a cluster),
     * else this JVM's heap (embedded Spark runs the tasks in it).
     */
    public static void checkMemory(Sweep sweep) {
        String executorMemory = System.getProperty("spark.executor.memory");
        long heap = executorMemory != null
                ? org.apache.spark.network.util.JavaUtils.byteStringAsBytes(executorMemory)
                : Runtime.getRuntime().maxMemory();
        String name = executorMemory != null ? "spark.executor.memory" : "the driver's heap (-Xmx, SPLITBNN_JAVA_OPTS)";
        Set<RunSettings> distinct = new LinkedHashSet<>();
        sweep.runs().forEach(r -> distinct.add(r.settings()));
        for (RunSettings s : distinct) {
            WorkChecks.checkMemory(s, heap, name);
        }
    }

    /** The warnings for the sweep's work, one line each. */
    public static List<String> warnings(Sweep sweep) {
        List<String> out = new ArrayList<>();
        Map<String, Dataset> trainSets = new LinkedHashMap<>();
        double total = 0;
        Set<String> said = new LinkedHashSet<>();
        for (RunSpec r : sweep.runs()) {
            Dataset train = trainSets.computeIfAbsent(r.train().name() + "=" + r.trainSha256(),
                    k -> r.train().build());
            total += r.settings().estimatedSeconds(train.size());
            for (String w : WorkChecks.warnings(r.settings(), train)) {
                if (said.add(w)) {
                    out.add(w);
                }
            }
        }
        if (sweep.runs().size() > WorkChecks.MANY_RUNS || total > WorkChecks.LONG_RUN_SECONDS * 10) {
            out.add(String.format(Locale.ROOT, "%d runs: about %s of run time in all (divide by the cores)",
                    sweep.runs().size(), RunSettings.duration(total)));
        }
        return out;
    }
}
