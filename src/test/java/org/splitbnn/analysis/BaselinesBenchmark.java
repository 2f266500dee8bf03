package org.splitbnn.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.model.BnnProblem;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerResult;

/**
 * Benchmark run by {@code jobs/bench-baselines}: the paper's runs ({@code data/paper}, ten test sets, nlive 1000,
 * nprior 10000, seed 1, both priors). Prints the sampler's seconds, the analysis's seconds without and with the
 * baselines (32 starts; the fastest of three repetitions each), the baselines' share of the run, the main mode's
 * local log Z beside the MAP's Laplace log Z, and the full / map / ensemble / laplace rows on {@code tests_pooled}.
 */
public final class BaselinesBenchmark {

    private static final int REPETITIONS = 3;

    private BaselinesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Dataset train = DatasetCsv.read(Path.of("data/paper/train.csv"));
        List<Dataset> tests = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            tests.add(DatasetCsv.read(Path.of(String.format(Locale.ROOT, "data/paper/test_%02d.csv", k))));
        }
        List<String> table = new ArrayList<>();
        for (String prior : List.of("full", "constrained")) {
            ExperimentSpec spec = ExperimentSpec.paper(train, tests, prior, 1);
            ExperimentSpec without = new ExperimentSpec(spec.train(), spec.tests(), spec.prior(),
                    spec.priorHalfWidth(), spec.hidden(), spec.sampler(), spec.prominence(), spec.posteriorSamples(),
                    spec.gridStep(), 0);
            BnnProblem problem = Experiment.problem(spec);
            SamplerResult sampler = NestedSampler.run(problem, spec.sampler(), ProgressListener.QUIET);
            double bare = Double.POSITIVE_INFINITY;
            double full = Double.POSITIVE_INFINITY;
            ExperimentResult result = null;
            for (int r = 0; r < REPETITIONS; r++) {
                long t0 = System.nanoTime();
                Experiment.analyse(without, sampler);
                bare = Math.min(bare, (System.nanoTime() - t0) * 1e-9);
                t0 = System.nanoTime();
                result = Experiment.analyse(spec, sampler);
                full = Math.min(full, (System.nanoTime() - t0) * 1e-9);
            }
            double run = sampler.wallSeconds() + bare;
            Baselines b = result.baselines();
            System.out.printf(Locale.ROOT, "%-11s sampler %6.2f s, analysis %5.2f s without baselines, %5.2f s with:"
                            + " baselines %5.2f s = %4.1f%% of the run (%d of %d starts converged, %d distinct"
                            + " optima, %d iterations in all)%n", prior, sampler.wallSeconds(), bare, full,
                    full - bare, 100 * (full - bare) / run, b.convergedStarts(), b.starts().size(), b.optima().size(),
                    b.starts().stream().mapToInt(Baselines.StartOutcome::iterations).sum());
            ModeReport main = result.modes().get(0);
            Baselines.DistinctOptimum map = b.optima().get(0);
            System.out.printf(Locale.ROOT, "%-11s mode 1 local log Z %.3f +- %.3f, MAP Laplace log Z (one image) %.3f,"
                            + " gap %+.3f; MAP log L %.4f (matched mode %d)%n", prior, main.localLogZ(),
                    main.localLogZErr(), map.laplaceLogZImage(), map.laplaceLogZImage() - main.localLogZ(),
                    map.logL(), map.matchedMode());
            for (Baselines.DistinctOptimum o : b.optima()) {
                System.out.printf(Locale.ROOT, "%-11s   optimum %2d: log L %9.3f, basin %2d, images %d, Laplace log Z"
                                + " %9.3f, Laplace weight %.4f, NS function %d weight %.4f%n", prior, o.optimum(),
                        o.logL(), o.basinCount(), o.images(), o.laplaceLogZ(), o.laplaceWeight(),
                        o.matchedFunction(), o.nsWeight());
            }
            for (GeneralisationRow g : result.generalisation()) {
                if (g.dataset().equals(GeneralisationRow.POOLED_TESTS) && List.of(Solution.FULL, Baselines.MAP,
                        Baselines.ENSEMBLE, Baselines.LAPLACE).contains(g.solution())) {
                    table.add(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f |", prior,
                            g.solution(), g.predictiveLogLikelihood(), g.mean(), g.accuracy(), g.brier(), g.ece()));
                }
            }
        }
        System.out.println("| prior | solution | predictive log-likelihood per row | mean <log L>/N | accuracy "
                + "| Brier | ECE |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        table.forEach(System.out::println);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
    }
}
