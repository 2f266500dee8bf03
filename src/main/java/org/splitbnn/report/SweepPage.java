package org.splitbnn.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.splitbnn.output.ParquetTable;

/**
 * The report of a sweep: its four figures as PNG files and the page that shows them with the key numbers, followed
 * by Figures 1b, 2 and 3 of each finished run its configuration marks for figures, in {@code runs/<run id>/}.
 */
public final class SweepPage {

    /** File of the prominent-mode histogram. */
    public static final String MODE_COUNTS = "sweep-mode-counts.png";

    /** File of the evidence figure. */
    public static final String EVIDENCE = "sweep-evidence.png";

    /** File of the full-against-top-mode figure. */
    public static final String FULL_AGAINST_TOP_MODE = "sweep-full-vs-top-mode.png";

    /** File of the full-against-baselines figure. */
    public static final String FULL_AGAINST_BASELINES = "sweep-full-vs-baselines.png";

    /** File of the evidence-against-test figure. */
    public static final String EVIDENCE_AGAINST_TEST = "sweep-evidence-vs-test.png";

    /** Folder, under the report's, of the marked runs' figures, one subfolder per run id. */
    public static final String RUNS = "runs";

    private SweepPage() {
    }

    /** Writes the figures of {@code sweep} into {@code out} and returns the page. */
    public static Html write(SweepTables sweep, Path out) throws IOException {
        BufferedImage counts = Png.write(SweepFigures.modeCounts(sweep), out.resolve(MODE_COUNTS));
        BufferedImage evidence = Png.write(SweepFigures.evidence(sweep), out.resolve(EVIDENCE));
        BufferedImage full = Png.write(SweepFigures.fullAgainstTopMode(sweep), out.resolve(FULL_AGAINST_TOP_MODE));
        BufferedImage baselines = Png.write(SweepFigures.fullAgainstBaselines(sweep),
                out.resolve(FULL_AGAINST_BASELINES));
        BufferedImage evidenceTest = Png.write(SweepFigures.evidenceAgainstTest(sweep), out.resolve(EVIDENCE_AGAINST_TEST));

        Html page = new Html("splitbnn sweep report: " + sweep.dir().toAbsolutePath().normalize().getFileName());
        page.paragraph(sweep.runs().size() + " runs, " + sweep.okRuns().size() + " finished, priors "
                + Html.escape(String.join(", ", sweep.priors())) + ".");
        page.heading(2, "Summary per prior and sampler setting");
        page.table("summary", List.of("prior", "sampler", "nlive", "hidden", "runs", "finished", "mean log Z",
                        "sd of log Z over sampler seeds (within a training set)", "mean reported error",
                        "mean prominent modes", "mean distinct functions", "runs where full beats mode 1"),
                List.of("prior", "sampler", "nlive", "hidden", "runs", "runs-ok", "log-z-mean", "log-z-seed-sd",
                        "log-z-err-mean", "prominent-modes-mean", "distinct-functions-mean",
                        "full-beats-top-mode-fraction"),
                summaryRows(sweep.summary()));
        page.figure(MODE_COUNTS, counts.getWidth(), counts.getHeight(), "Prominent modes found per run, one bar "
                + "series per prior.");
        page.figure(EVIDENCE, evidence.getWidth(), evidence.getHeight(), "Left: log Z &plusmn; reported error of "
                + "each run, per training set and prior (sampler seeds side by side). Right: per training set and "
                + "prior, the sd of log Z over sampler seeds against the mean reported error (dashed: equal).");
        Map<String, int[]> above = SweepFigures.fractionsAbove(sweep);
        page.figure(FULL_AGAINST_TOP_MODE, full.getWidth(), full.getHeight(), "Per training set and prior "
                + "(averaged over sampler seeds), the full solution's mean test &lt;log L&gt;/N against the "
                + "highest-evidence mode's; above the dashed diagonal full marginalisation generalises better: "
                + Html.escape(above.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + " of "
                + e.getValue()[1]).collect(Collectors.joining(", "))) + ".");
        page.figure(FULL_AGAINST_BASELINES, baselines.getWidth(), baselines.getHeight(), "Per run, the full "
                + "solution's predictive log-likelihood per pooled test row against the MAP network's (left) and the "
                + "deep ensemble's (right); above the dashed diagonal full marginalisation predicts better.");
        page.figure(EVIDENCE_AGAINST_TEST, evidenceTest.getWidth(), evidenceTest.getHeight(), "log Z against the "
                + "full solution's mean test &lt;log L&gt;/N, one point per run.");
        if (StudyTables.present(sweep.dir())) {
            StudyPage.write(StudyTables.read(sweep.dir()), out, page);
        }
        page.heading(2, "Runs");
        List<Html.Row> rows = new ArrayList<>();
        for (SweepRun r : sweep.runs()) {
            rows.add(new Html.Row(r.runId(), List.of(r.runId(), r.prior(), r.train(), Long.toString(r.seed()),
                    r.ok() ? "ok" : "failed", Html.number(r.logZ(), RunPage.LOG_Z_DECIMALS),
                    Html.number(r.logZErr(), RunPage.LOG_Z_DECIMALS), Integer.toString(r.prominentModes()),
                    Integer.toString(r.distinctFunctions()), Html.number(r.fullTest(), RunPage.FRACTION_DECIMALS),
                    Html.number(r.topModeTest(), RunPage.FRACTION_DECIMALS))));
        }
        page.table("runs", List.of("run", "prior", "training set", "sampler seed", "status", "log Z", "±",
                        "prominent modes", "distinct functions", "full: test <log L>/N", "mode 1: test <log L>/N"),
                List.of("run-id", "prior", "train", "seed", "status", "log-z", "log-z-err", "prominent-modes",
                        "distinct-functions", "full-test", "top-mode-test"), rows);
        if (!sweep.figures().isEmpty()) {
            page.heading(2, "Runs marked for figures");
        }
        for (SweepRun r : sweep.runs()) {
            RunFigureInput figures = sweep.figures().get(r.runId());
            if (figures != null) {
                runSection(page, r, figures, out);
            }
        }
        return page;
    }

    /** The key numbers and Figures 1b, 2 and 3 of the marked run {@code r}, its tables' ids suffixed by its id. */
    private static void runSection(Html page, SweepRun r, RunFigureInput figures, Path out) throws IOException {
        String id = r.runId();
        page.heading(3, "Run " + id + ": " + r.prior() + " prior, training set " + r.train() + ", sampler seed "
                + r.seed() + ", " + r.hidden() + " hidden units");
        page.paragraph("log Z = " + Html.span("log-z-" + id, r.logZ(), RunPage.LOG_Z_DECIMALS) + " &plusmn; "
                + Html.span("log-z-err-" + id, r.logZErr(), RunPage.LOG_Z_DECIMALS) + "; <span id=\"n-prominent-"
                + id + "\">" + r.prominentModes() + "</span> prominent modes of " + figures.modes().size()
                + ", <span id=\"n-functions-" + id + "\">" + r.distinctFunctions() + "</span> distinct functions"
                + "; training set " + (figures.training() == null ? "not in the tables"
                : figures.training().size() + " points") + ".");
        RunFigures.write(figures, out, RUNS + "/" + id, "solutions-" + id, page);
    }

    private static List<Html.Row> summaryRows(ParquetTable summary) {
        List<Html.Row> rows = new ArrayList<>();
        for (int i = 0; i < summary.rows(); i++) {
            String prior = summary.strings("prior")[i];
            String sampler = summary.strings("sampler")[i];
            int nlive = summary.ints("nlive")[i];
            int hidden = summary.ints("hidden")[i];
            rows.add(new Html.Row(summaryKey(prior, sampler, nlive, hidden), List.of(prior, sampler,
                    Integer.toString(nlive), Integer.toString(hidden), Integer.toString(summary.ints("runs")[i]),
                    Integer.toString(summary.ints("runs_ok")[i]),
                    Html.number(summary.doubles("log_z_mean")[i], RunPage.LOG_Z_DECIMALS),
                    Html.number(summary.doubles("log_z_seed_sd")[i], RunPage.LOG_Z_DECIMALS),
                    Html.number(summary.doubles("log_z_err_mean")[i], RunPage.LOG_Z_DECIMALS),
                    Html.number(summary.doubles("prominent_modes_mean")[i], 2),
                    Html.number(summary.doubles("distinct_functions_mean")[i], 2),
                    Html.number(summary.doubles("full_beats_top_mode_fraction")[i], RunPage.FRACTION_DECIMALS))));
        }
        return rows;
    }

    /** The summary row's id: one row per prior, sampler, nlive and hidden units. */
    static String summaryKey(String prior, String sampler, int nlive, int hidden) {
        return prior + "/" + sampler + "/" + nlive + "/h" + hidden;
    }
}
