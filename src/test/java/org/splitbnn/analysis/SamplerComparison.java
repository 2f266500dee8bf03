package org.splitbnn.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerResult;

/**
 * Benchmark run by {@code jobs/bench-region}: slice against region sampling on the BNN of {@code data/dev} (nlive
 * 1000, nprior 10000, both priors, seeds 1 to 5): likelihood calls, log Z against the importance-sampling truth of
 * {@code ../shared/reference/is-evidence.md}, prominent modes (local evidence above 1e-3 of the largest), distinct
 * functions and seconds; then the wall time of the paper's run ({@code data/paper}, seed 1, sampling and analysis)
 * with each.
 * Arguments: {@code [seeds [priors]]}, default 5 and {@code full,constrained}.
 */
public final class SamplerComparison {

    /** Importance-sampling log Z of the dev set (full prior; constrained prior normalised to its region). */
    private static final Map<String, Double> TRUTH = Map.of("full", -88.585, "constrained", -87.989);

    private SamplerComparison() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> priors = args.length > 1 ? List.of(args[1].split(",")) : List.of("full", "constrained");
        Dataset dev = read("data/dev/train.csv");
        System.out.println(String.format(Locale.ROOT, "%-11s %4s %-6s %10s %10s %20s %8s %6s %9s %8s", "prior",
                "seed", "sampler", "nlike", "outside", "log Z +- sigma", "pull", "modes", "functions", "seconds"));
        for (String prior : priors) {
            long[] calls = new long[2];
            for (long seed = 1; seed <= seeds; seed++) {
                for (SamplerKind kind : SamplerKind.values()) {
                    ExperimentResult run = Experiment.run(spec(dev, prior, seed, kind), ProgressListener.QUIET);
                    SamplerResult r = run.sampler();
                    calls[kind.ordinal()] += r.nLikelihood();
                    System.out.println(String.format(Locale.ROOT,
                            "%-11s %4d %-6s %10d %10d %11.3f +- %6.3f %+8.2f %6d %9d %8.2f", prior, seed, kind.key(),
                            r.nLikelihood(), r.nOutsideSupport(), r.logZ(), r.logZErr(),
                            (r.logZ() - TRUTH.get(prior)) / r.logZErr(), run.prominentModes(), run.distinctFunctions(),
                            r.wallSeconds()));
                }
            }
            System.out.println(String.format(Locale.ROOT, "%-11s  all calls: slice %d, region %d, ratio %.1f",
                    prior, calls[0], calls[1], calls[0] / (double) calls[1]));
        }
        Dataset paper = read("data/paper/train.csv");
        for (String prior : priors) {
            for (SamplerKind kind : SamplerKind.values()) {
                ExperimentSpec spec = spec(paper, prior, 1, kind);
                long start = System.nanoTime();
                ExperimentResult r = Experiment.run(spec, ProgressListener.QUIET);
                System.out.println(String.format(Locale.ROOT,
                        "paper run (data/paper, %s, seed 1, %s): %.2f s wall (%.2f s sampling), %d likelihood calls",
                        prior, kind.key(), (System.nanoTime() - start) * 1e-9, r.sampler().wallSeconds(),
                        r.sampler().nLikelihood()));
            }
        }
    }

    private static ExperimentSpec spec(Dataset train, String prior, long seed, SamplerKind kind) {
        ExperimentSpec paper = ExperimentSpec.paper(train, List.of(), prior, seed);
        return new ExperimentSpec(train, List.of(), prior, paper.priorHalfWidth(), paper.hidden(),
                paper.sampler().withSampler(kind), paper.prominence(), paper.posteriorSamples(), paper.gridStep(), 0);
    }

    private static Dataset read(String file) {
        try {
            return DatasetCsv.read(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
