package org.splitbnn.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitbnn.sampler.ClusterSummary;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.WeightedPoints;

/**
 * One posterior mode.
 *
 * @param mode         rank by local evidence, 1 for the largest
 * @param clusterId    the sampler's cluster id
 * @param localLogZ    local log-evidence
 * @param localLogZErr its standard deviation
 * @param weight       local evidence over the sum of the local evidences
 * @param prominent    local evidence above the prominence threshold times the largest
 * @param mean         posterior mean of each parameter within the mode
 * @param sd           posterior standard deviation of each parameter within the mode
 * @param function     the rank of the function the mode computes ({@link FunctionReport}, 1 for the largest summed
 *                     evidence), 0 for a mode that is not prominent
 */
public record ModeReport(int mode, int clusterId, double localLogZ, double localLogZErr, double weight,
                         boolean prominent, List<Double> mean, List<Double> sd, int function) {

    /**
     * Every cluster of a run as a mode, largest local evidence first; prominent when its local evidence exceeds
     * {@code prominence} times the largest (the paper's {@link SamplerResult#DEFAULT_PROMINENCE}). No function yet
     * (0): see {@link #withFunction}.
     */
    public static List<ModeReport> of(SamplerResult run, double prominence) {
        checkProminence(prominence);
        List<ClusterSummary> clusters = run.clusters();
        List<ModeReport> modes = new ArrayList<>(clusters.size());
        if (clusters.isEmpty()) {
            return modes;
        }
        double threshold = clusters.get(0).logZ() + Math.log(prominence);
        for (int k = 0; k < clusters.size(); k++) {
            ClusterSummary c = clusters.get(k);
            WeightedPoints points = run.modePoints(k);
            modes.add(new ModeReport(k + 1, c.id(), c.logZ(), c.logZErr(), run.modeWeight(k), c.logZ() > threshold,
                    boxed(points.mean()), boxed(points.sd()), 0));
        }
        return modes;
    }

    /** This mode computing function {@code rank}. */
    public ModeReport withFunction(int rank) {
        return new ModeReport(mode, clusterId, localLogZ, localLogZErr, weight, prominent, mean, sd, rank);
    }

    /** Throws unless the prominence threshold lies in (0, 1]. */
    public static void checkProminence(double prominence) {
        if (!(prominence > 0 && prominence <= 1)) {
            throw new IllegalArgumentException("prominence must lie in (0, 1], got " + prominence);
        }
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
