package org.splitbnn.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.splitbnn.model.FunctionIdentity;
import org.splitbnn.model.FunctionSignature;
import org.splitbnn.sampler.LogMath;

/**
 * One distinct function of a run: the prominent modes that are the same network up to the hidden-unit symmetries
 * (as a {@link FunctionIdentity} decides from their predictions), with their summed evidence.
 *
 * @param function rank by summed local evidence, 1 for the largest
 * @param modes    the ranks of its modes, ascending
 * @param logZ     log of the sum of its modes' local evidences
 * @param logZErr  its standard deviation, from the modes' local errors taken as independent
 * @param weight   its evidence over the sum of the local evidences of every mode (prominent or not): the sum of its
 *                 modes' weights
 * @param weightErr the weight's standard deviation, from every mode's local error taken as independent
 * @param prominent its evidence exceeds the prominence threshold times the largest function's: a function made of
 *                  one image is not compared with one image of a function that the full prior splits into many
 */
public record FunctionReport(int function, List<Integer> modes, double logZ, double logZErr, double weight,
                             double weightErr, boolean prominent) {

    /** Copies the mode list. */
    public FunctionReport {
        modes = List.copyOf(modes);
    }

    /**
     * The functions of a run's modes, largest summed evidence first.
     *
     * @param modes      every mode of the run, largest local evidence first
     * @param signatures the signature of each prominent mode, in the order the prominent modes appear in
     *                   {@code modes}
     * @param identity   the rule deciding sameness
     * @param prominence a function is prominent when its evidence exceeds this fraction of the largest
     */
    public static List<FunctionReport> of(List<ModeReport> modes, List<FunctionSignature> signatures,
                                          FunctionIdentity identity, double prominence) {
        ModeReport.checkProminence(prominence);
        List<ModeReport> prominent = modes.stream().filter(ModeReport::prominent).toList();
        if (prominent.size() != signatures.size()) {
            throw new IllegalArgumentException(prominent.size() + " prominent modes but " + signatures.size()
                    + " signatures");
        }
        int[] group = identity.groups(signatures);
        int groups = prominent.isEmpty() ? 0 : java.util.Arrays.stream(group).max().orElseThrow() + 1;
        List<List<ModeReport>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int k = 0; k < prominent.size(); k++) {
            members.get(group[k]).add(prominent.get(k));
        }
        double[] all = modes.stream().mapToDouble(ModeReport::localLogZ).toArray();
        double logTotal = LogMath.logSumExp(all, all.length);
        List<FunctionReport> functions = new ArrayList<>();
        for (List<ModeReport> m : members) {
            functions.add(summed(m, modes, logTotal));
        }
        functions.sort(Comparator.comparingDouble(FunctionReport::logZ).reversed());
        List<FunctionReport> ranked = new ArrayList<>(functions.size());
        for (int f = 0; f < functions.size(); f++) {
            FunctionReport r = functions.get(f);
            boolean aboveThreshold = r.logZ > functions.get(0).logZ + Math.log(prominence);
            ranked.add(new FunctionReport(f + 1, r.modes, r.logZ, r.logZErr, r.weight, r.weightErr,
                    aboveThreshold));
        }
        return List.copyOf(ranked);
    }

    /** The modes with their function ranks filled in from {@code functions} (0 for a mode in none). */
    public static List<ModeReport> label(List<ModeReport> modes, List<FunctionReport> functions) {
        List<ModeReport> labelled = new ArrayList<>(modes.size());
        for (ModeReport m : modes) {
            int rank = 0;
            for (FunctionReport f : functions) {
                if (f.modes.contains(m.mode())) {
                    rank = f.function;
                }
            }
            labelled.add(m.withFunction(rank));
        }
        return List.copyOf(labelled);
    }

    /**
     * Z_f = sum of Z_m; var Z_f = sum of (Z_m sd_m)^2; with the rest R = Z - Z_f (its variance likewise), the weight
     * w = Z_f / (Z_f + R) has sd w (1 - w) sqrt(sd(log Z_f)^2 + sd(log R)^2).
     */
    private static FunctionReport summed(List<ModeReport> members, List<ModeReport> modes, double logTotal) {
        List<Integer> ranks = members.stream().map(ModeReport::mode).sorted().toList();
        double logZ = logSum(members, false);
        double logZErr = Math.exp(0.5 * logSum(members, true) - logZ);
        List<ModeReport> rest = modes.stream().filter(m -> !ranks.contains(m.mode())).toList();
        double restLogErr = rest.isEmpty() ? 0 : Math.exp(0.5 * logSum(rest, true) - logSum(rest, false));
        double weight = Math.exp(logZ - logTotal);
        double weightErr = weight * (1 - weight) * Math.hypot(logZErr, restLogErr);
        return new FunctionReport(0, ranks, logZ, logZErr, weight, weightErr, false);
    }

    /** log sum of Z_m, or with {@code variance} log sum of (Z_m sd_m)^2 (sd_m the error of log Z_m). */
    private static double logSum(List<ModeReport> modes, boolean variance) {
        double[] terms = new double[modes.size()];
        for (int k = 0; k < terms.length; k++) {
            ModeReport m = modes.get(k);
            terms[k] = variance ? 2 * (m.localLogZ() + Math.log(m.localLogZErr())) : m.localLogZ();
        }
        return LogMath.logSumExp(terms, terms.length);
    }
}
