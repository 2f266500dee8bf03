package org.splitbnn.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.model.ConstrainedPrior;
import org.splitbnn.model.FunctionIdentity;
import org.splitbnn.model.FunctionSignature;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerSettings;

/**
 * Measurement run by {@code jobs/measure-functions}: distinct functions against prominent modes at the paper's
 * settings (nlive 1000, nprior 10000), sampler seeds 1-3, on {@code data/paper} and {@code data/dev} with both priors,
 * and the full prior with 3 hidden units on {@code data/paper}. Per run: prominent modes, distinct functions, each
 * function's weight (with its modes; marked when the function is not prominent) and each prominent mode's weight,
 * and the margins of the identity rule (taking the prominent modes by local evidence, each one's least distance to
 * an earlier mode): the largest such distance of a mode that joined a function, and the smallest of a mode that
 * started a new one. For the full prior with 2
 * hidden units also each function's share of the posterior mass inside the constrained prior's region ("in C"),
 * the weight the constrained prior would give it.
 */
public final class FunctionCountsMeasurement {

    private FunctionCountsMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(String.format(Locale.ROOT, "%-6s %-12s %6s %4s %6s %9s %11s %11s %7s  %s", "data",
                "prior", "hidden", "seed", "modes", "functions", "max joined", "min new", "seconds",
                "function weights (modes) | prominent mode weights"));
        for (String data : new String[] {"paper", "dev"}) {
            Dataset train = DatasetCsv.read(Path.of("data", data, "train.csv"));
            for (String prior : new String[] {"full", "constrained"}) {
                for (long seed = 1; seed <= 3; seed++) {
                    report(data, train, prior, 2, seed);
                }
            }
        }
        Dataset paper = DatasetCsv.read(Path.of("data", "paper", "train.csv"));
        for (long seed = 1; seed <= 3; seed++) {
            report("paper", paper, "full", 3, seed);
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
    }

    /**
     * Per function of a full-prior 2-2-1 run, the share of its posterior mass inside the constrained prior's region:
     * each mode's weight times the fraction of its samples that satisfy the constraint, summed over its modes,
     * normalised over the functions. This is the weight the constrained prior would give the function.
     */
    private static String inConstrainedRegion(ExperimentResult result) {
        double[] mass = new double[result.functions().size()];
        for (Solution s : result.solutions()) {
            if (s.mode() == 0) {
                continue;
            }
            ModeReport m = result.modes().get(s.mode() - 1);
            int inside = 0;
            for (double[] t : s.theta()) {
                if (ConstrainedPrior.satisfiesConstraint(t[0], t[1], t[2], t[3])) {
                    inside++;
                }
            }
            mass[m.function() - 1] += m.weight() * inside / s.size();
        }
        double total = java.util.Arrays.stream(mass).sum();
        StringBuilder out = new StringBuilder();
        for (int f = 0; f < mass.length; f++) {
            out.append(String.format(Locale.ROOT, "%sf%d %.3f", f == 0 ? "" : " ", f + 1, mass[f] / total));
        }
        return out.toString();
    }

    private static void report(String data, Dataset train, String prior, int hidden, long seed) {
        NetworkShape shape = new NetworkShape(2, hidden);
        SamplerSettings settings = SamplerSettings.defaults(shape.dimension(), seed).withNlive(1000)
                .withNprior(10_000);
        ExperimentSpec spec = new ExperimentSpec(train, List.of(), prior, 5.0, hidden, settings, 1e-3, 1000, 0.1, 0);
        long start = System.nanoTime();
        ExperimentResult result = Experiment.run(spec, ProgressListener.QUIET);
        double seconds = (System.nanoTime() - start) * 1e-9;
        FunctionIdentity identity = FunctionIdentity.of(train);
        List<FunctionSignature> signatures = new ArrayList<>();
                for (Solution s : result.solutions()) {
            if (s.mode() > 0) {
                signatures.add(identity.signature(shape, s.theta()));
            }
        }
        double maxJoined = 0;
        double minNew = Double.NaN;
        for (int i = 1; i < signatures.size(); i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < i; j++) {
                nearest = Math.min(nearest, identity.distance(signatures.get(i), signatures.get(j)));
            }
            if (nearest <= identity.threshold()) {
                maxJoined = Math.max(maxJoined, nearest);
            } else {
                minNew = Double.isNaN(minNew) ? nearest : Math.min(minNew, nearest);
            }
        }
        StringBuilder weights = new StringBuilder();
        for (FunctionReport f : result.functions()) {
            weights.append(String.format(Locale.ROOT, "f%d%s %.3f+-%.3f %s  ", f.function(),
                    f.prominent() ? "" : " (not prominent)", f.weight(), f.weightErr(), f.modes()));
        }
        if (prior.equals("full") && hidden == 2) {
            weights.append(String.format(Locale.ROOT, "in C %s ", inConstrainedRegion(result)));
        }
        weights.append("|");
        for (ModeReport m : result.modes()) {
            if (m.prominent()) {
                weights.append(String.format(Locale.ROOT, " m%d(f%d) %.3f", m.mode(), m.function(), m.weight()));
            }
        }
        System.out.println(String.format(Locale.ROOT, "%-6s %-12s %6d %4d %6d %9d %11.3f %11.3f %7.1f  %s", data,
                prior, hidden, seed, result.prominentModes(), result.distinctFunctions(), maxJoined, minNew,
                seconds, weights));
    }
}
