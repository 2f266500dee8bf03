package org.splitbnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.analysis.claims.Convergence;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * What the study part of a sweep's report reads: the {@code claims} table and, per finished run, its factors, its
 * counts and the full solution's and the MAP's test predictive log-likelihood.
 *
 * @param claims the claims table's rows, in its order
 * @param runs   the finished runs, in the runs table's order
 */
public record StudyTables(List<ClaimLine> claims, List<StudyPoint> runs) {

    /** The claims table's folder. */
    public static final String CLAIMS = Table.CLAIMS.folder();

    /** The columns read from the claims table. */
    public static final List<String> CLAIMS_COLUMNS = Table.CLAIMS.names("claim", "prior", "dataset", "train_size",
            "noise_variance", "hidden", "prior_half_width", "nlive", "repeats_per_dimension", "sampler",
            "training_sets", "runs", "statistic", "estimate", "ci_low", "ci_high", "threshold", "claimed_side",
            "verdict", "convergence");

    /** The columns read from the runs table. */
    public static final List<String> RUNS_COLUMNS = Table.RUNS.names("run_id", "prior", "train", "train_size",
            "train_inputs", "train_noise_variance", "hidden", "prior_half_width", "nlive", "num_repeats", "sampler",
            "status", "n_prominent_modes", "n_distinct_functions");

    /**
     * One row of the claims table.
     *
     * @param claim          claim id
     * @param prior          the condition's prior (for C1 and C2 the symmetry-breaking prior compared with the full
     *                       one)
     * @param dataset        the condition's dataset: its generator or CSV file
     * @param trainSize      the condition's training size (null when the claim compares sizes)
     * @param noiseVariance  the condition's noise variance (NaN when none)
     * @param hidden         the condition's hidden units (null when the claim compares widths)
     * @param priorHalfWidth the condition's prior half-width (NaN when the claim compares half-widths)
     * @param sampling       the condition's sampler settings
     * @param trainingSets   training sets
     * @param runs           runs
     * @param statistic      what the statistic is
     * @param estimate       its estimate
     * @param low            lower end of the 95% interval (NaN when unknown)
     * @param high           upper end
     * @param threshold      the threshold
     * @param above          whether the claim says the statistic lies above the threshold
     * @param verdict        supported, refuted or inconclusive
     * @param convergence    converged or not converged; null when the condition was run at one sampler setting
     */
    public record ClaimLine(String claim, String prior, String dataset, Integer trainSize, double noiseVariance,
                            Integer hidden, double priorHalfWidth, Condition.Sampling sampling, int trainingSets,
                            int runs, String statistic, double estimate, double low, double high, double threshold,
                            boolean above, String verdict, String convergence) {

        /** Whether the line's verdict has not converged in the sampler's settings. */
        public boolean notConverged() {
            return Convergence.NOT_CONVERGED.label().equals(convergence);
        }

        /** The line's claim and condition with the sampler's settings left open. */
        List<Object> withoutSampling() {
            return Arrays.asList(claim, prior, dataset, trainSize, noiseVariance, hidden, priorHalfWidth);
        }
    }

    /**
     * A finished run as the study figures use it.
     *
     * @param prior         prior
     * @param train         training set
     * @param trainSize     training rows
     * @param noiseVariance noise variance of a generated training set (NaN for a CSV file)
     * @param hidden        hidden units
     * @param settings      the run's prior half-width and sampler settings, as a list
     * @param modes         prominent modes
     * @param functions     distinct functions
     * @param fullTest      the full solution's test predictive log-likelihood per row, mean over the test sets
     * @param mapTest       the MAP's (NaN without baselines)
     */
    public record StudyPoint(String prior, String train, int trainSize, double noiseVariance, int hidden,
                             List<Object> settings, int modes, double functions, double fullTest, double mapTest) {
    }

    /**
     * The lines whose verdicts a count of verdicts takes, one per claim and condition with the sampler's settings
     * left open: the only line of a condition run at one setting, the line at the most expensive setting of a
     * converged one ({@link Condition.Sampling#COST}); a condition whose verdict has not converged is left out.
     */
    public static List<ClaimLine> counted(List<ClaimLine> claims) {
        Map<List<Object>, ClaimLine> last = new LinkedHashMap<>();
        for (ClaimLine l : claims) {
            if (!l.notConverged()) {
                last.merge(l.withoutSampling(), l,
                        (a, b) -> Condition.Sampling.COST.compare(a.sampling(), b.sampling()) >= 0 ? a : b);
            }
        }
        return List.copyOf(last.values());
    }

    /** Whether {@code dir} has a claims table. */
    public static boolean present(Path dir) {
        return Files.isDirectory(dir.resolve(CLAIMS));
    }

    /** Reads the study part of the sweep in {@code dir}. */
    public static StudyTables read(Path dir) throws IOException {
        ParquetTable c = ParquetTable.readFolder(dir.resolve(CLAIMS), CLAIMS_COLUMNS);
        List<ClaimLine> claims = new ArrayList<>();
        for (int i = 0; i < c.rows(); i++) {
            claims.add(new ClaimLine(c.strings("claim")[i], c.strings("prior")[i], c.strings("dataset")[i],
                    integer(c.ints("train_size")[i]), c.doubles("noise_variance")[i], integer(c.ints("hidden")[i]),
                    c.doubles("prior_half_width")[i],
                    new Condition.Sampling(c.ints("nlive")[i], c.doubles("repeats_per_dimension")[i],
                            c.strings("sampler")[i]),
                    c.ints("training_sets")[i], c.ints("runs")[i], c.strings("statistic")[i],
                    c.doubles("estimate")[i], c.doubles("ci_low")[i], c.doubles("ci_high")[i],
                    c.doubles("threshold")[i], "above".equals(c.strings("claimed_side")[i]),
                    c.strings("verdict")[i], c.strings("convergence")[i]));
        }
        ParquetTable r = ParquetTable.readFolder(dir.resolve(Table.RUNS.folder()), RUNS_COLUMNS);
        Map<String, Map<String, Double>> tests = testMeans(ParquetTable.readFolder(dir.resolve(Table.GENERALISATION.folder()),
                List.of("run_id", "solution", "dataset", "predictive_log_likelihood")));
        List<StudyPoint> runs = new ArrayList<>();
        for (int i = 0; i < r.rows(); i++) {
            if (!SweepTables.OK.equals(r.strings("status")[i])) {
                continue;
            }
            Map<String, Double> own = tests.getOrDefault(r.strings("run_id")[i], Map.of());
            int f = r.ints("n_distinct_functions")[i];
            runs.add(new StudyPoint(r.strings("prior")[i], r.strings("train")[i], r.ints("train_size")[i],
                    r.doubles("train_noise_variance")[i], r.ints("hidden")[i],
                    List.of(r.doubles("prior_half_width")[i], Condition.Sampling.of(r.ints("nlive")[i],
                            r.ints("num_repeats")[i], new NetworkShape(r.ints("train_inputs")[i],
                                    r.ints("hidden")[i]).dimension(),
                            r.strings("sampler")[i])), r.ints("n_prominent_modes")[i],
                    f,
                    own.getOrDefault(Solution.FULL, Double.NaN), own.getOrDefault(Baselines.MAP, Double.NaN)));
        }
        return new StudyTables(claims, runs);
    }

    /**
     * Per run and solution, the mean over the run's test sets of the predictive log-likelihood per row (the
     * training set and the pooled row left out), as the claims table computes it.
     */
    static Map<String, Map<String, Double>> testMeans(ParquetTable generalisation) {
        String[] run = generalisation.strings("run_id");
        String[] solution = generalisation.strings("solution");
        String[] dataset = generalisation.strings("dataset");
        double[] value = generalisation.doubles("predictive_log_likelihood");
        Map<String, Map<String, double[]>> sums = new HashMap<>();
        for (int i = 0; i < generalisation.rows(); i++) {
            if (!dataset[i].equals(GeneralisationRow.POOLED_TESTS) && !dataset[i].equals(GeneralisationRow.TRAIN)) {
                double[] sum = sums.computeIfAbsent(run[i], k -> new HashMap<>()).computeIfAbsent(solution[i],
                        k -> new double[2]);
                sum[0] += value[i];
                sum[1]++;
            }
        }
        Map<String, Map<String, Double>> means = new HashMap<>();
        sums.forEach((id, bySolution) -> bySolution.forEach((s, sum) ->
                means.computeIfAbsent(id, k -> new HashMap<>()).put(s, sum[0] / sum[1])));
        return means;
    }

    private static Integer integer(int v) {
        return v == ParquetTable.Ints.MISSING ? null : v;
    }
}
