package org.splitbnn.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;

/**
 * Benchmark run by {@code jobs/bench-eggbox-peaks}: over many seeds, which of the eggbox's 18 peaks the run misses
 * and why. The peaks sit at (2 pi i, 2 pi j), i, j in 0..5 with i + j even: 8 inside the box, 8 on a wall (cut to a
 * half) and 2 in corners (cut to a quarter). A peak is held by a mode when more than a fifth of the mode's own
 * posterior mass (its leaves' points, not those of their ancestors) lies nearest it. Per run it prints the prominent
 * modes, the leaves, whether a prominent mode holds two peaks, and each peak no prominent mode holds; a missed peak
 * either "died" (a mode below the prominence threshold holds it: its cluster lost its last live point early) or has
 * "no mode" (it lost its live points while it still shared a cluster with other peaks).
 *
 * <p>Arguments: {@code NLIVE FIRST_SEED LAST_SEED}.
 */
public final class EggboxPeakBenchmark {

    private static final double SPACING = 2 * Math.PI;

    private EggboxPeakBenchmark() {
    }

    public static void main(String[] args) {
        int nlive = Integer.parseInt(args[0]);
        long first = Long.parseLong(args[1]);
        long last = Long.parseLong(args[2]);
        ValidationProblem vp = ValidationProblems.eggbox();
        int exact = 0;
        int runsWithTwoPeakMode = 0;
        int runsWithMiss = 0;
        Map<String, Integer> missedByKind = new TreeMap<>();
        for (long seed = first; seed <= last; seed++) {
            SamplerSettings settings = SamplerSettings.defaults(2, seed).withNlive(nlive)
                    .withSampler(SamplerKind.SLICE);
            SamplerResult r = NestedSampler.run(vp.problem(), settings, ProgressListener.QUIET);
            int prominent = r.prominentModes(SamplerResult.DEFAULT_PROMINENCE);
            exact += prominent == 18 ? 1 : 0;
            Set<String> held = new TreeSet<>();
            Set<String> heldFaintly = new TreeSet<>();
            boolean twoPeaks = false;
            double logThreshold = r.clusters().get(0).logZ() + Math.log(SamplerResult.DEFAULT_PROMINENCE);
            WeightedPoints w = r.posterior();
            for (ClusterSummary c : r.clusters()) {
                boolean isProminent = c.logZ() > logThreshold;
                Map<String, Double> mass = new TreeMap<>();
                double total = 0;
                for (int i = 0; i < w.logL().length; i++) {
                    if (w.cluster()[i] == c.id()) {
                        double p = Math.exp(w.logWeight()[i]);
                        total += p;
                        mass.merge(peak(w.theta()[2 * i], w.theta()[2 * i + 1]), p, Double::sum);
                    }
                }
                int peaks = 0;
                for (Map.Entry<String, Double> e : mass.entrySet()) {
                    if (e.getValue() > 0.2 * total) {
                        peaks++;
                        (isProminent ? held : heldFaintly).add(e.getKey());
                    }
                }
                twoPeaks |= isProminent && peaks > 1;
            }
            List<String> missed = new ArrayList<>();
            for (int i = 0; i <= 5; i++) {
                for (int j = (i % 2); j <= 5; j += 2) {
                    String name = i + "," + j;
                    if (held.contains(name)) {
                        continue;
                    }
                    int walls = (i == 0 || i == 5 ? 1 : 0) + (j == 0 || j == 5 ? 1 : 0);
                    String kind = (walls == 2 ? "quarter" : walls == 1 ? "half" : "whole")
                            + (heldFaintly.contains(name) ? " died" : " no mode");
                    missed.add("(" + name + ") " + kind);
                    missedByKind.merge(kind, 1, Integer::sum);
                }
            }
            runsWithTwoPeakMode += twoPeaks ? 1 : 0;
            runsWithMiss += missed.isEmpty() ? 0 : 1;
            System.out.printf(Locale.ROOT, "seed %d: %d prominent modes, %d leaves, a prominent mode on two peaks: %s,"
                    + " missed %s%n", seed, prominent, r.nClusters(), twoPeaks, missed);
        }
        System.out.printf(Locale.ROOT, "nlive %d, seeds %d-%d: 18 prominent modes in %d; a prominent mode on two peaks"
                + " in %d; a missed peak in %d; missed peaks by kind %s%n", nlive, first, last, exact,
                runsWithTwoPeakMode, runsWithMiss, missedByKind);
    }

    /** The peak nearest a point, as "i,j" in units of the peaks' spacing. */
    private static String peak(double x, double y) {
        return Math.round(x / SPACING) + "," + Math.round(y / SPACING);
    }
}
