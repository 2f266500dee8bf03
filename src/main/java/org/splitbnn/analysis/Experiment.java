package org.splitbnn.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.LongJumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.model.BnnProblem;
import org.splitbnn.model.FunctionIdentity;
import org.splitbnn.model.FunctionSignature;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.WeightedPoints;

/**
 * One experiment: fully marginalises a network on a training set with nested sampling, then reports the modes, the
 * distinct functions they compute, and how the full posterior and each prominent mode generalise (the paper's
 * Figure 3) and predict (its prediction maps).
 *
 * <p>Deterministic: every random choice flows from the sampler seed. The posterior samples of solution {@code i}
 * (0 = full posterior, k = mode k) are drawn with seed {@code (seed ^ 0x9E3779B97F4A7C15) + i}.
 */
public final class Experiment {

    private static final long SAMPLE_SEED_MIX = 0x9E3779B97F4A7C15L;

    private Experiment() {
    }

    /**
     * Runs the experiment.
     *
     * @throws IllegalArgumentException when the spec is impossible (unknown prior, a prior that does not fit the
     *                                  network, nlive not above the dimension, ...), before any sampling
     */
    public static ExperimentResult run(ExperimentSpec spec, ProgressListener progress) {
        BnnProblem problem = problem(spec);
        SamplerResult sampler = NestedSampler.run(problem, spec.sampler(), progress);
        return analyse(spec, sampler);
    }

    /**
     * The sampling problem of a spec, after checking everything that can be checked before sampling.
     *
     * @throws IllegalArgumentException naming the first impossible setting
     */
    public static BnnProblem problem(ExperimentSpec spec) {
        BnnProblem problem = new BnnProblem(spec.train(), spec.hidden(), Prior.parse(spec.prior(),
                spec.priorHalfWidth()));
        spec.sampler().checkFor(problem.dimension());
        if (spec.posteriorSamples() < 1) {
            throw new IllegalArgumentException("posterior samples must be at least 1, got " + spec.posteriorSamples());
        }
        ModeReport.checkProminence(spec.prominence());
        ExperimentSpec.checkBaselineStarts(spec.baselineStarts());
        if (GridCells.applies(spec.train())) {
            GridCells.covering(spec.train(), spec.gridStep());
        }
        return problem;
    }

    /**
     * The modes, baselines and generalisation table of a finished run of {@code spec} (its prediction grids are
     * computed when asked for: {@link ExperimentResult#predictions}).
     *
     * <p>The baselines' starts come from the run's generator (XoShiRo256++ seeded with the sampler seed, as the
     * sampler's) after a long jump of 2^192 steps: a sub-stream the sampler never reaches, so the baselines leave
     * the sampler's numbers unchanged.
     */
    public static ExperimentResult analyse(ExperimentSpec spec, SamplerResult sampler) {
        List<ModeReport> modes = ModeReport.of(sampler, spec.prominence());
        NetworkShape shape = new NetworkShape(spec.train().inputs(), spec.hidden());
        FunctionIdentity identity = FunctionIdentity.of(spec.train());
        List<Solution> bayesian = solutions(spec, sampler, modes);
        List<FunctionSignature> signatures = new ArrayList<>();
        for (Solution solution : bayesian) {
            if (solution.mode() > 0) {
                signatures.add(identity.signature(shape, solution.theta()));
            }
        }
        List<FunctionReport> functions = FunctionReport.of(modes, signatures, identity, spec.prominence());
        List<ModeReport> labelled = FunctionReport.label(modes, functions);
        Baselines baselines = baselines(spec, sampler, labelled, functions, signatures, shape);
        List<GeneralisationRow> generalisation = new ArrayList<>();
        for (Solution solution : withBaselines(bayesian, baselines)) {
            generalisation.addAll(Generalisation.rows(solution, shape, spec.train(), spec.tests()));
        }
        return new ExperimentResult(spec, sampler, labelled, functions, List.copyOf(generalisation), baselines);
    }

    /**
     * The prediction grids of a finished run: one per solution, the full posterior's first; none when the training
     * set has no grid (it has not two inputs, see {@link GridCells#applies}).
     */
    static List<PredictionGrid> predictions(ExperimentSpec spec, SamplerResult sampler, List<ModeReport> modes,
                                            Baselines baselines) {
        if (!GridCells.applies(spec.train())) {
            return List.of();
        }
        NetworkShape shape = new NetworkShape(spec.train().inputs(), spec.hidden());
        GridCells cells = GridCells.covering(spec.train(), spec.gridStep());
        return withBaselines(solutions(spec, sampler, modes), baselines).stream()
                .map(solution -> PredictionGrid.meanOver(solution, shape, cells)).toList();
    }

    /** Every solution of a run: the Bayesian ones (full posterior, then each prominent mode), then the baselines. */
    private static List<Solution> withBaselines(List<Solution> bayesian, Baselines baselines) {
        List<Solution> solutions = new ArrayList<>(bayesian);
        solutions.addAll(baselineSolutions(baselines));
        return solutions;
    }

    /**
     * The baselines of a run; each prominent mode is offered for matching with its signature (the same as its
     * function's) and its function's nested-sampling weight.
     */
    private static Baselines baselines(ExperimentSpec spec, SamplerResult sampler, List<ModeReport> modes,
                                       List<FunctionReport> functions, List<FunctionSignature> signatures,
                                       NetworkShape shape) {
        if (spec.baselineStarts() == 0) {
            return new Baselines(List.of(), List.of());
        }
        List<Baselines.ModeRepresentative> representatives = new ArrayList<>();
        List<ModeReport> prominent = modes.stream().filter(ModeReport::prominent).toList();
        for (int k = 0; k < prominent.size(); k++) {
            ModeReport m = prominent.get(k);
            representatives.add(new Baselines.ModeRepresentative(m.mode(), m.function(),
                    functions.get(m.function() - 1).weight(), signatures.get(k)));
        }
        LongJumpableUniformRandomProvider rng = (LongJumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP
                .create(sampler.settings().seed());
        rng.longJump();
        return Baselines.run(spec.train(), shape, Prior.parse(spec.prior(), spec.priorHalfWidth()),
                spec.baselineStarts(), sampler.logPriorVolumeFraction(), representatives, rng);
    }

    /**
     * The baselines as solutions: {@code map} (the best optimum), {@code ensemble} (every converged start, equal
     * weights) and {@code laplace} (the distinct optima with a Laplace evidence, weighted by it); none without a
     * converged start.
     */
    static List<Solution> baselineSolutions(Baselines baselines) {
        List<Solution> solutions = new ArrayList<>();
        if (baselines.optima().isEmpty()) {
            return solutions;
        }
        Baselines.DistinctOptimum best = baselines.optima().get(0);
        solutions.add(Solution.equallyWeighted(Baselines.MAP, 0, new double[][] {best.theta()},
                new double[] {best.logL()}, new int[1]));
        List<Baselines.StartOutcome> converged = baselines.starts().stream().filter(Baselines.StartOutcome::converged)
                .toList();
        solutions.add(Solution.equallyWeighted(Baselines.ENSEMBLE, 0,
                converged.stream().map(Baselines.StartOutcome::theta).toArray(double[][]::new),
                converged.stream().mapToDouble(Baselines.StartOutcome::logL).toArray(), new int[converged.size()]));
        List<Baselines.DistinctOptimum> weighted = baselines.optima().stream().filter(o -> o.laplaceWeight() > 0)
                .toList();
        if (!weighted.isEmpty()) {
            solutions.add(new Solution(Baselines.LAPLACE, 0,
                    weighted.stream().map(Baselines.DistinctOptimum::theta).toArray(double[][]::new),
                    weighted.stream().mapToDouble(Baselines.DistinctOptimum::logL).toArray(),
                    new int[weighted.size()],
                    weighted.stream().mapToDouble(Baselines.DistinctOptimum::laplaceWeight).toArray()));
        }
        return solutions;
    }

    /**
     * The equally weighted samples of the full posterior, then of each prominent mode (resampled from the mode's
     * weighted points), {@code spec.posteriorSamples()} each.
     */
    static List<Solution> solutions(ExperimentSpec spec, SamplerResult sampler, List<ModeReport> modes) {
        int n = spec.posteriorSamples();
        long seed = sampler.settings().seed();
        Map<Integer, Integer> rankOfCluster = new HashMap<>();
        for (ModeReport m : modes) {
            rankOfCluster.put(m.clusterId(), m.mode());
        }
        List<Solution> solutions = new ArrayList<>();
        WeightedPoints all = sampler.posterior();
        int[] rows = all.resample(n, sampleSeed(seed, 0));
        int[] modeOf = new int[n];
        for (int s = 0; s < n; s++) {
            modeOf[s] = rankOfCluster.getOrDefault(all.cluster()[rows[s]], 0);
        }
        solutions.add(samples(Solution.FULL, 0, all, rows, modeOf));
        for (ModeReport m : modes) {
            if (m.prominent()) {
                WeightedPoints points = sampler.modePoints(m.mode() - 1);
                int[] modeRows = points.resample(n, sampleSeed(seed, m.mode()));
                int[] same = new int[n];
                Arrays.fill(same, m.mode());
                solutions.add(samples(Solution.modeName(m.mode()), m.mode(), points, modeRows, same));
            }
        }
        return solutions;
    }

    private static Solution samples(String name, int mode, WeightedPoints points, int[] rows, int[] modeOf) {
        double[][] theta = new double[rows.length][points.dimension()];
        double[] logL = new double[rows.length];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(points.theta(), rows[s] * points.dimension(), theta[s], 0, points.dimension());
            logL[s] = points.logL()[rows[s]];
        }
        return Solution.equallyWeighted(name, mode, theta, logL, modeOf);
    }

    private static long sampleSeed(long seed, int solution) {
        return (seed ^ SAMPLE_SEED_MIX) + solution;
    }
}
