package org.splitbnn.sampler;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * Benchmark run by {@code jobs/bench-modes}: how many prominent modes each validation problem reports over many
 * seeds, beside its true number of peaks, and how many leaf clusters the sampler kept apart.
 *
 * <p>Arguments: {@code NLIVE SEEDS [PROBLEM ...]} (default problems: the unimodal gauss9, corr12, banana4 and the
 * multimodal shells, mixture2, mixture9, eggbox).
 */
public final class ModeCountBenchmark {

    /** The true number of peaks of each problem. */
    private static final Map<String, Integer> PEAKS = Map.of("gauss9", 1, "corr12", 1, "banana4", 1, "shells", 2,
            "mixture2", 2, "mixture9", 2, "eggbox", 18, "sparse2", 2, "cut", 1);

    private ModeCountBenchmark() {
    }

    public static void main(String[] args) {
        int nlive = Integer.parseInt(args[0]);
        int seeds = Integer.parseInt(args[1]);
        String[] problems = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"gauss9", "corr12", "banana4", "shells", "mixture2", "mixture9", "eggbox"};
        System.out.println(String.format(Locale.ROOT, "%-9s %5s %5s %6s %9s  %-28s %s", "problem", "nlive", "seeds",
                "peaks", "exact", "prominent modes: runs", "leaf clusters min-max"));
        for (String name : problems) {
            ValidationProblem vp = ValidationProblems.byName(name);
            Map<Integer, Integer> counts = new TreeMap<>();
            int exact = 0;
            int minLeaves = Integer.MAX_VALUE;
            int maxLeaves = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                ValidationRow r = ValidationSuite.run(vp, nlive, seed, SamplerKind.SLICE, ProgressListener.QUIET);
                counts.merge(r.nProminentModes(), 1, Integer::sum);
                exact += r.nProminentModes() == PEAKS.get(name) ? 1 : 0;
                minLeaves = Math.min(minLeaves, r.nClusters());
                maxLeaves = Math.max(maxLeaves, r.nClusters());
            }
            System.out.println(String.format(Locale.ROOT, "%-9s %5d %5d %6d %8.0f%%  %-28s %d-%d", name, nlive, seeds,
                    PEAKS.get(name), 100.0 * exact / seeds, counts, minLeaves, maxLeaves));
        }
    }
}
