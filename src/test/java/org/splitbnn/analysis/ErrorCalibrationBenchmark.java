package org.splitbnn.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.StatUtils;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.model.BnnProblem;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;

/**
 * Benchmark run by {@code jobs/bench-errors}: whether the reported errors hold when a mode splits off with few live
 * points. Prints the pull table of {@code sparse2} (log Z and the heavy mode's weight, over the runs that find both
 * modes: pull mean and SD, the SD of the estimates and the mean reported error) and, for the BNN's full prior on
 * generated training sets, the rms spread of log Z over sampler seeds against the mean reported error; on
 * {@code data/paper}, the pulls of log Z against the importance-sampling truth ({@link PaperTruth}) and the spread of
 * the top function's weight against its mean reported error; the same on any training set given with its truth.
 *
 * <p>Arguments: {@code sparse2 NLIVE SEEDS} (seeds 1 to SEEDS), {@code bnn NLIVE TRAIN_SETS SAMPLER_SEEDS
 * [FIRST_SEED]} (sampler seeds FIRST_SEED, default 1, onwards), {@code paper PRIOR NLIVE REPEATS SEEDS [FIRST_SEED
 * [CLUSTERING]]} (num_repeats REPEATS x dimension, nprior 10 x nlive) or {@code data TRAIN_CSV PRIOR TRUTH NLIVE
 * REPEATS SEEDS [FIRST_SEED [CLUSTERING]]} (TRUTH: the log Z of {@code tools/is_evidence.py}, normalised to the
 * prior's region).
 */
public final class ErrorCalibrationBenchmark {

    /** The heavy mode's centre in {@code sparse2}; a mode whose mean lies within 0.1 of it is the heavy mode. */
    private static final double[] HEAVY_CENTRE = {0.8, 0.2, 0.8, 0.2};
    private static final double[] BROAD_CENTRE = {0.45, 0.45, 0.45, 0.45};

    private ErrorCalibrationBenchmark() {
    }

    public static void main(String[] args) {
        if ((args.length == 3 || args.length == 4) && args[0].equals("sparse2")) {
            sparse2(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length == 4 ? SamplerKind.of(args[3]) : SamplerKind.SLICE);
        } else if ((args.length == 4 || args.length == 5) && args[0].equals("bnn")) {
            bnn(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length == 5 ? Integer.parseInt(args[4]) : 1);
        } else if (args.length >= 5 && args.length <= 7 && args[0].equals("paper")) {
            pulls(readCsv("data/paper/train.csv"), "data/paper", args[1], PaperTruth.logZ(args[1]),
                    Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length >= 6 ? Integer.parseInt(args[5]) : 1, args.length < 7 || Boolean.parseBoolean(args[6]));
        } else if (args.length >= 7 && args.length <= 9 && args[0].equals("data")) {
            pulls(readCsv(args[1]), args[1], args[2], Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    args.length >= 8 ? Integer.parseInt(args[7]) : 1, args.length < 9 || Boolean.parseBoolean(args[8]));
        } else {
            throw new IllegalArgumentException("usage: sparse2 NLIVE SEEDS [SAMPLER] | bnn NLIVE TRAIN_SETS "
                    + "SAMPLER_SEEDS [FIRST_SEED] | paper PRIOR NLIVE REPEATS_PER_DIMENSION SEEDS [FIRST_SEED [CLUSTERING]]"
                    + " | data TRAIN_CSV PRIOR TRUTH NLIVE REPEATS_PER_DIMENSION SEEDS [FIRST_SEED [CLUSTERING]]");
        }
    }

    private static void sparse2(int nlive, int seeds, SamplerKind sampler) {
        ValidationProblem vp = ValidationProblems.sparse2();
        double heavyTruth = vp.modeWeights().get(0);
        List<double[]> zPulls = new ArrayList<>();
        List<double[]> wPulls = new ArrayList<>();
        System.out.println(String.format(Locale.ROOT, "%5s %18s %8s %18s %8s %6s %7s", "seed", "log Z +- sigma",
                "pull", "heavy w +- sigma", "pull", "modes", "found"));
        for (long seed = 1; seed <= seeds; seed++) {
            SamplerSettings settings = SamplerSettings.defaults(4, seed).withNlive(nlive).withSampler(sampler);
            SamplerResult r = NestedSampler.run(vp.problem(), settings, ProgressListener.QUIET);
            int heavy = nearestMode(r, HEAVY_CENTRE);
            int broad = nearestMode(r, BROAD_CENTRE);
            boolean both = heavy >= 0 && broad >= 0 && heavy != broad;
            double zPull = (r.logZ() - vp.truthLogZ()) / r.logZErr();
            double w = heavy >= 0 ? r.modeWeight(heavy) : Double.NaN;
            double wErr = heavy >= 0 ? r.clusters().get(heavy).weightErr() : Double.NaN;
            double wPull = (w - heavyTruth) / wErr;
            if (both) {
                zPulls.add(new double[] {zPull, r.logZ() - vp.truthLogZ(), r.logZErr()});
                wPulls.add(new double[] {wPull, w - heavyTruth, wErr});
            }
            System.out.println(String.format(Locale.ROOT, "%5d %9.3f +- %5.3f %8.2f %9.3f +- %5.3f %8.2f %6d %7s",
                    seed, r.logZ(), r.logZErr(), zPull, w, wErr, wPull, r.clusters().size(), both));
        }
        System.out.println(String.format(Locale.ROOT, "sparse2 nlive %d, %s: %d of %d runs find both modes "
                + "(truth log Z %.4f, heavy weight %.4f)", nlive, sampler.key(), zPulls.size(), seeds, vp.truthLogZ(),
                heavyTruth));
        System.out.println(String.format(Locale.ROOT, "%-14s %10s %10s %12s %10s", "quantity", "pull mean", "pull SD",
                "estimate SD", "mean error"));
        System.out.println(pullLine("log Z", zPulls));
        System.out.println(pullLine("heavy weight", wPulls));
    }

    /** Pull mean and SD, the SD of the estimates about the truth's offset and the mean reported error. */
    private static String pullLine(String name, List<double[]> pulls) {
        int n = pulls.size();
        double[] pull = pulls.stream().mapToDouble(p -> p[0]).toArray();
        double[] offset = pulls.stream().mapToDouble(p -> p[1]).toArray();
        double meanError = pulls.stream().mapToDouble(p -> p[2]).sum() / n;
        return String.format(Locale.ROOT, "%-14s %10.3f %10.3f %12.3f %10.3f", name, StatUtils.mean(pull),
                Math.sqrt(StatUtils.variance(pull)), Math.sqrt(StatUtils.variance(offset)), meanError);
    }

    /** The mode of largest weight whose posterior mean lies within 0.1 of a centre, or -1. */
    private static int nearestMode(SamplerResult r, double[] centre) {
        int best = -1;
        for (int k = 0; k < r.clusters().size(); k++) {
            double[] mean = r.modePoints(k).mean();
            double d2 = 0;
            for (int i = 0; i < centre.length; i++) {
                d2 += (mean[i] - centre[i]) * (mean[i] - centre[i]);
            }
            if (d2 < 0.01 && (best < 0 || r.modeWeight(k) > r.modeWeight(best))) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Pulls of log Z on a training set against its importance-sampling truth, at nlive, nprior 10 x nlive and
     * num_repeats the given multiple of the dimension, with the paper's other settings.
     */
    private static void pulls(Dataset train, String name, String prior, double truth, int nlive,
                              int repeatsPerDimension, int seeds, int firstSeed, boolean clustering) {
        BnnProblem problem = new BnnProblem(train, 2, Prior.parse(prior, 5.0));
        List<double[]> pulls = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        double seconds = 0;
        long calls = 0;
        System.out.println(String.format(Locale.ROOT, "%5s %18s %8s %7s %9s %16s %10s %8s", "seed", "log Z +- sigma",
                "pull", "leaves", "functions", "top w +- sigma", "nlike", "seconds"));
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            ExperimentSpec paper = ExperimentSpec.paper(train, List.of(), prior, seed);
            SamplerSettings settings = paper.sampler().withNlive(nlive).withNprior(10 * nlive)
                    .withNumRepeats(repeatsPerDimension * problem.dimension()).withClustering(clustering);
            ExperimentSpec spec = new ExperimentSpec(train, List.of(), prior, paper.priorHalfWidth(), paper.hidden(),
                    settings, paper.prominence(), paper.posteriorSamples(), paper.gridStep(), 0);
            ExperimentResult run = Experiment.run(spec, ProgressListener.QUIET);
            SamplerResult r = run.sampler();
            double pull = (r.logZ() - truth) / r.logZErr();
            pulls.add(new double[] {pull, r.logZ() - truth, r.logZErr()});
            FunctionReport top = run.functions().get(0);
            weights.add(new double[] {top.weight(), top.weightErr()});
            seconds += r.wallSeconds();
            calls += r.nLikelihood();
            System.out.println(String.format(Locale.ROOT, "%5d %9.3f +- %5.3f %8.2f %7d %9d %7.3f +- %5.3f %10d %8.2f",
                    seed, r.logZ(), r.logZErr(), pull, r.nClusters(), run.distinctFunctions(), top.weight(),
                    top.weightErr(), r.nLikelihood(), r.wallSeconds()));
        }
        System.out.println(String.format(Locale.ROOT, "%s %s, nlive %d, num_repeats %d x dimension, seeds "
                + "%d-%d, clustering %s (truth %.3f): %.1f s and %d likelihood calls per run", name, prior, nlive,
                repeatsPerDimension, firstSeed, firstSeed + seeds - 1, clustering, truth, seconds / seeds,
                calls / seeds));
        System.out.println(String.format(Locale.ROOT, "%-14s %10s %10s %12s %10s", "quantity", "pull mean", "pull SD",
                "estimate SD", "mean error"));
        System.out.println(pullLine("log Z", pulls));
        double[] w = weights.stream().mapToDouble(x -> x[0]).toArray();
        System.out.println(String.format(Locale.ROOT, "top function weight: mean %.4f, SD over seeds %.4f, mean "
                + "reported error %.4f", StatUtils.mean(w), Math.sqrt(StatUtils.variance(w)),
                weights.stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN)));
    }

    private static Dataset readCsv(String path) {
        try {
            return DatasetCsv.read(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bnn(int nlive, int trainSets, int samplerSeeds, int firstSeed) {
        System.out.println(String.format(Locale.ROOT, "%-8s %40s %10s %10s %8s", "train", "log Z per sampler seed",
                "sd", "mean err", "modes"));
        double sumVar = 0;
        double sumErr = 0;
        int nErr = 0;
        for (int t = 1; t <= trainSets; t++) {
            Dataset train = NoisyXorGenerator.generate(NoisyXorRecipe.PAPER, t, "xor-" + t);
            BnnProblem problem = new BnnProblem(train, 2, Prior.parse("full", 5.0));
            double[] logZ = new double[samplerSeeds];
            StringBuilder values = new StringBuilder();
            StringBuilder modes = new StringBuilder();
            double err = 0;
            for (int s = 0; s < samplerSeeds; s++) {
                SamplerSettings settings = SamplerSettings.defaults(problem.dimension(), firstSeed + s).withNlive(nlive)
                        .withNprior(10 * nlive);
                SamplerResult r = NestedSampler.run(problem, settings, ProgressListener.QUIET);
                logZ[s] = r.logZ();
                err += r.logZErr();
                values.append(String.format(Locale.ROOT, " %7.3f+-%.3f", r.logZ(), r.logZErr()));
                modes.append(s == 0 ? "" : ",").append(r.prominentModes(1e-3));
            }
            double mean = 0;
            for (double z : logZ) {
                mean += z / samplerSeeds;
            }
            double var = 0;
            for (double z : logZ) {
                var += (z - mean) * (z - mean) / (samplerSeeds - 1);
            }
            sumVar += var;
            sumErr += err;
            nErr += samplerSeeds;
            System.out.println(String.format(Locale.ROOT, "xor-%-4d %40s %10.3f %10.3f %8s", t, values,
                    Math.sqrt(var), err / samplerSeeds, modes));
        }
        double rms = Math.sqrt(sumVar / trainSets);
        double meanErr = sumErr / nErr;
        System.out.println(String.format(Locale.ROOT, "BNN full prior nlive %d, %d training sets x %d sampler seeds: "
                + "rms spread %.3f, mean reported error %.3f, ratio %.3f", nlive, trainSets, samplerSeeds, rms,
                meanErr, rms / meanErr));
    }
}
