package org.splitbnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.Solution;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * What the report reads of a sweep's output folder (its Spark table folders, read without Spark): every run with
 * its evidence, prominent-mode and distinct-function counts and test &lt;log L&gt;/N, the summary table, and the
 * figure input of each finished run marked for figures.
 *
 * @param dir     the sweep's folder
 * @param runs    every run, in the runs table's order
 * @param summary the summary table's columns {@link #SUMMARY_COLUMNS}, one row per prior and sampler setting
 * @param figures the input of Figures 1b, 2 and 3 of each finished run marked for figures, by run id, in order
 */
public record SweepTables(Path dir, List<SweepRun> runs, ParquetTable summary, Map<String, RunFigureInput> figures) {

    /** The status of a finished run in the runs table. */
    public static final String OK = "ok";

    /** The columns read from the runs table. */
    public static final List<String> RUNS_COLUMNS = Table.RUNS.names("run_id", "prior", "train", "train_sha256",
            "sampler_seed", "hidden", "status", "log_z", "log_z_err", "figures");

    /** The columns read from the summary table. */
    public static final List<String> SUMMARY_COLUMNS = Table.SUMMARY.names("prior", "sampler", "nlive", "hidden",
            "runs", "runs_ok", "log_z_mean", "log_z_seed_sd", "log_z_err_mean", "prominent_modes_mean",
            "distinct_functions_mean", "full_beats_top_mode_fraction");

    /** Whether {@code dir} looks like a sweep's folder (it has a runs table). */
    public static boolean isSweep(Path dir) {
        return Files.isDirectory(dir.resolve(Table.RUNS.folder()));
    }

    /** Reads the sweep in {@code dir}. */
    public static SweepTables read(Path dir) throws IOException {
        ParquetTable runs = ParquetTable.readFolder(dir.resolve(Table.RUNS.folder()), RUNS_COLUMNS);
        Map<String, List<ModeRow>> modes = new HashMap<>();
        for (ModeRow m : ModeRow.of(ParquetTable.readFolder(dir.resolve(Table.MODES.folder()), ModeRow.COLUMNS))) {
            modes.computeIfAbsent(m.runId(), k -> new ArrayList<>()).add(m);
        }
        Map<String, List<LogLikelihoodRow>> rows = new HashMap<>();
        for (LogLikelihoodRow r : LogLikelihoodRow.of(ParquetTable.readFolder(
                dir.resolve(Table.GENERALISATION.folder()), LogLikelihoodRow.COLUMNS))) {
            rows.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, Double>> predictive = testPredictive(ParquetTable.readFolder(
                dir.resolve(Table.GENERALISATION.folder()), Table.GENERALISATION.names("run_id", "solution", "dataset",
                        "predictive_log_likelihood")));
        String[] id = runs.strings("run_id");
        String[] prior = runs.strings("prior");
        String[] train = runs.strings("train");
        String[] trainSha256 = runs.strings("train_sha256");
        long[] seed = runs.longs("sampler_seed");
        int[] hidden = runs.ints("hidden");
        String[] status = runs.strings("status");
        double[] logZ = runs.doubles("log_z");
        double[] logZErr = runs.doubles("log_z_err");
        boolean[] figures = runs.booleans("figures");
        List<SweepRun> list = new ArrayList<>();
        for (int i = 0; i < runs.rows(); i++) {
            List<LogLikelihoodRow> own = rows.getOrDefault(id[i], List.of());
            List<ModeRow> prominentModes = modes.getOrDefault(id[i], List.of()).stream().filter(ModeRow::prominent)
                    .toList();
            int functions = (int) prominentModes.stream().mapToInt(ModeRow::function).distinct().count();
            list.add(new SweepRun(id[i], prior[i], train[i], trainSha256[i], seed[i], hidden[i], OK.equals(status[i]),
                    logZ[i], logZErr[i], prominentModes.size(), functions,
                    LogLikelihoodRow.testMean(own, Solution.FULL).orElse(Double.NaN),
                    LogLikelihoodRow.testMean(own, Solution.modeName(1)).orElse(Double.NaN), figures[i],
                    predictive.getOrDefault(id[i], Map.of())));
        }
        List<SweepRun> marked = list.stream().filter(r -> r.ok() && r.figures()).toList();
        return new SweepTables(dir, list, ParquetTable.readFolder(dir.resolve(Table.SUMMARY.folder()),
                SUMMARY_COLUMNS),
                SweepFigureRuns.read(dir, marked, modes, rows));
    }

    /**
     * Per run and solution, the predictive log-likelihood per row on the pooled test sets, or on the run's one test
     * set.
     */
    private static Map<String, Map<String, Double>> testPredictive(ParquetTable generalisation) {
        String[] run = generalisation.strings("run_id");
        String[] solution = generalisation.strings("solution");
        String[] dataset = generalisation.strings("dataset");
        double[] value = generalisation.doubles("predictive_log_likelihood");
        Map<String, Map<String, Double>> pooled = new HashMap<>();
        Map<String, Map<String, List<Double>>> single = new HashMap<>();
        for (int i = 0; i < generalisation.rows(); i++) {
            if (dataset[i].equals(GeneralisationRow.POOLED_TESTS)) {
                pooled.computeIfAbsent(run[i], k -> new HashMap<>()).put(solution[i], value[i]);
            } else if (!dataset[i].equals(GeneralisationRow.TRAIN)) {
                single.computeIfAbsent(run[i], k -> new HashMap<>()).computeIfAbsent(solution[i],
                        k -> new ArrayList<>()).add(value[i]);
            }
        }
        single.forEach((r, bySolution) -> bySolution.forEach((s, values) -> {
            if (values.size() == 1) {
                pooled.computeIfAbsent(r, k -> new HashMap<>()).putIfAbsent(s, values.get(0));
            }
        }));
        return pooled;
    }

    /** The finished runs. */
    public List<SweepRun> okRuns() {
        return runs.stream().filter(SweepRun::ok).toList();
    }

    /** The priors of the finished runs, sorted. */
    public List<String> priors() {
        return okRuns().stream().map(SweepRun::prior).distinct().sorted().toList();
    }
}
