package org.splitbnn.sampler;

import java.util.Locale;
import java.util.Map;

import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

/**
 * Benchmark run by {@code jobs/bench-sampler}: the standard problems at nlive 500, seeds 21 to 23 (the reference's),
 * with likelihood calls and seconds beside PolyChordLite's, and the wall time per likelihood call, which bounds the
 * sampler's own work per call since these likelihoods cost only tens of nanoseconds.
 */
public final class SamplerBenchmark {

    /** PolyChordLite's likelihood calls (nlike) for seeds 21, 22, 23 at nlive 500, from the reference report. */
    private static final Map<String, long[]> POLYCHORD_NLIKE = Map.of(
            "gauss9", new long[] {1917766, 1924919, 1902572},
            "shells", new long[] {403086, 438643, 386786},
            "eggbox", new long[] {309071, 305973, 309726});

    /** PolyChordLite's log Z for the same runs. */
    private static final Map<String, double[]> POLYCHORD_LOGZ = Map.of(
            "gauss9", new double[] {0.040, -0.126, 0.082},
            "shells", new double[] {-1.742, -1.679, -1.651},
            "eggbox", new double[] {236.388, 236.487, 236.131});

    private SamplerBenchmark() {
    }

    public static void main(String[] args) {
        // Warm the JIT so that the first problem is not charged for compilation.
        ValidationSuite.run(ValidationProblems.gauss9(), 100, 1, SamplerKind.SLICE, ProgressListener.QUIET);
        System.out.println(String.format(Locale.ROOT, "%-7s %4s %22s %22s %10s %10s %7s %8s %10s", "problem",
                "seed", "log Z (splitbnn)", "log Z (PolyChordLite)", "nlike", "PC nlike", "ratio", "seconds",
                "ns/call"));
        for (String name : new String[] {"gauss9", "shells", "eggbox"}) {
            ValidationProblem vp = ValidationProblems.byName(name);
            long ours = 0;
            long theirs = 0;
            for (int s = 0; s < 3; s++) {
                long seed = 21 + s;
                ValidationRow r = ValidationSuite.run(vp, 500, seed, SamplerKind.SLICE, ProgressListener.QUIET);
                long pc = POLYCHORD_NLIKE.get(name)[s];
                ours += r.nLikelihood();
                theirs += pc;
                System.out.println(String.format(Locale.ROOT,
                        "%-7s %4d %12.3f +- %6.3f %22.3f %10d %10d %7.3f %8.2f %10.1f", name, seed, r.logZ(),
                        r.logZErr(), POLYCHORD_LOGZ.get(name)[s], r.nLikelihood(), pc, r.nLikelihood() / (double) pc,
                        r.seconds(), r.seconds() * 1e9 / r.nLikelihood()));
            }
            System.out.println(String.format(Locale.ROOT, "%-7s  all %47s %10d %10d %7.3f", name, "", ours, theirs,
                    ours / (double) theirs));
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
    }
}
