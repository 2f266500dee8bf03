package org.splitbnn.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.splitbnn.analysis.claims.Verdict;
import org.splitbnn.report.StudyTables.ClaimLine;

/**
 * The study part of a sweep's report: the claims table with its forest plot, the counts of modes and functions
 * against noise and size, and the full solution's advantage over the MAP against size.
 */
public final class StudyPage {

    /** File of the forest plot. */
    public static final String FOREST = "study-claims.png";

    /** File of the counts figure. */
    public static final String COUNTS = "study-counts.png";

    /** File of the advantage figure. */
    public static final String ADVANTAGE = "study-full-minus-map.png";

    private static final int DECIMALS = 3;

    private StudyPage() {
    }

    /**
     * The verdicts counted one per claim and condition ({@link StudyTables#counted}), and how many conditions were
     * left out because their verdict has not converged.
     */
    static String verdictCounts(List<ClaimLine> claims) {
        List<ClaimLine> counted = StudyTables.counted(claims);
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            parts.add(counted.stream().filter(l -> l.verdict().equals(v.label())).count() + " " + v.label());
        }
        long left = claims.stream().filter(ClaimLine::notConverged).map(ClaimLine::withoutSampling).distinct().count();
        return "Verdicts, one per claim and condition (at its most expensive sampler setting where it was run at "
                + "several): " + String.join(", ", parts) + ". Left out of these counts: " + left + " claim"
                + (left == 1 ? "" : "s") + " and condition" + (left == 1 ? "" : "s") + " whose verdict has not "
                + "converged.";
    }

    /** Writes the study's figures into {@code out} and appends its section to {@code page}. */
    public static void write(StudyTables study, Path out, Html page) throws IOException {
        page.heading(2, "Study: the paper's claims");
        if (study.claims().isEmpty()) {
            page.paragraph("The claims table is empty: no claim can be tested with these runs.");
            return;
        }
        page.paragraph("Each row tests one claim in one condition (the README's \"Claims\" section defines them): "
                + "the statistic over the runs, its 95% percentile-bootstrap interval over training sets (the runs "
                + "of one training set are resampled together), and the verdict: supported when the whole "
                + "interval lies on the claimed side of the threshold, refuted when none of it does, else "
                + "inconclusive. A condition run at two or more sampler settings has a row per setting, cheapest "
                + "(nlive x num_repeats) first, and a convergence: converged when the two most expensive settings "
                + "give the same verdict and estimates that differ by less than each interval's half-width (or "
                + "not at all), else not converged. Dataset: the training sets' generator (and its number of "
                + "inputs) or CSV file. Conditions: nl is nlive, r num_repeats per dimension.");
        page.paragraph(verdictCounts(study.claims()));
        List<Html.Row> rows = new ArrayList<>();
        List<String> varying = StudyFigures.varyingFactors(study.claims());
        List<String> besidesDataset = varying.stream().filter(f -> !f.equals(StudyFigures.DATASET)).toList();
        for (int i = 0; i < study.claims().size(); i++) {
            ClaimLine l = study.claims().get(i);
            rows.add(new Html.Row(l.claim() + "/" + i, List.of(l.claim(), l.dataset(),
                    StudyFigures.label(l, besidesDataset),
                    Integer.toString(l.trainingSets()), Integer.toString(l.runs()), l.statistic(),
                    Html.number(l.estimate(), DECIMALS),
                    Html.number(l.low(), DECIMALS) + " to " + Html.number(l.high(), DECIMALS),
                    (l.above() ? "> " : "< ") + Html.number(l.threshold(), DECIMALS), l.verdict(),
                    l.convergence() == null ? "" : l.convergence())));
        }
        page.table("claims", List.of("claim", "dataset", "condition", "training sets", "runs", "statistic",
                        "estimate", "95% interval", "claimed", "verdict", "convergence"),
                List.of("claim", "dataset", "condition", "training-sets", "runs", "statistic", "estimate", "interval",
                        "threshold", "verdict", "convergence"), rows);
        BufferedImage forest = Png.write(StudyFigures.forest(study), out.resolve(FOREST));
        page.figure(FOREST, forest.getWidth(), forest.getHeight(), "The claims table as a forest plot: a panel "
                + "per claim, a line per condition (" + Html.escape(String.join(", ", varying.isEmpty()
                ? List.of("one condition") : varying)) + "), the estimate with its 95% interval, the sampler settings "
                + "of a condition side by side; dashed: the threshold; hollow and marked \"not converged\": a "
                + "verdict that has not converged in the sampler settings.");
        BufferedImage counts = Png.write(StudyFigures.counts(study), out.resolve(COUNTS));
        page.figure(COUNTS, counts.getWidth(), counts.getHeight(), "Prominent modes (top) and distinct functions "
                + "(bottom) per run against training size, a series per noise variance: median and quartiles "
                + "over the training sets.");
        BufferedImage advantage = Png.write(StudyFigures.advantage(study), out.resolve(ADVANTAGE));
        page.figure(ADVANTAGE, advantage.getWidth(), advantage.getHeight(), "The full solution's test predictive "
                + "log-likelihood per row minus the MAP network's, against training size: mean over runs and its "
                + "95% bootstrap band over training sets; above zero full marginalisation generalises better.");
    }
}
