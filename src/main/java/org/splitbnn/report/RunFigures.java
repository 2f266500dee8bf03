package org.splitbnn.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.Solution;

/**
 * Figures 1b, 2 and 3 of one run as PNG files, and their part of a report page: the run's solutions table ((local)
 * log Z, weight, &lt;log L&gt;/N on train and tests) and the three figures with their captions. The run report and
 * the sweep report (for each run marked for figures) both use it.
 */
public final class RunFigures {

    /** File of Figure 1b. */
    public static final String FIGURE_1B = "figure1b-prediction.png";

    /** File of Figure 1b for a network of other than two inputs: the reliability curve. */
    public static final String FIGURE_1B_RELIABILITY = "figure1b-reliability.png";

    /** File of Figure 2. */
    public static final String FIGURE_2 = "figure2-corner.png";

    /** File of Figure 3. */
    public static final String FIGURE_3 = "figure3-solutions.png";

    private RunFigures() {
    }

    /**
     * Writes the figures of {@code run} into {@code out/folder} and adds the solutions table {@code tableId} and the
     * figures, linked as {@code folder/FILE}, to {@code page}.
     *
     * @param out    the page's folder
     * @param folder the figures' folder relative to {@code out}; empty for {@code out} itself
     */
    public static void write(RunFigureInput run, Path out, String folder, String tableId, Html page)
            throws IOException {
        Path dir = Files.createDirectories(out.resolve(folder));
        String link = folder.isEmpty() ? "" : folder + "/";
        boolean maps = run.hasPredictionMaps();
        String figure1 = maps ? FIGURE_1B : FIGURE_1B_RELIABILITY;
        BufferedImage fig1 = Png.write(maps ? PredictionFigure.draw(run) : ReliabilityFigure.draw(run),
                dir.resolve(figure1));
        BufferedImage fig2 = Png.write(CornerFigure.draw(run), dir.resolve(FIGURE_2));
        BufferedImage fig3 = Png.write(SolutionsFigure.draw(run), dir.resolve(FIGURE_3));
        List<ModeRow> prominent = run.prominentModes();
        List<Html.Row> rows = new ArrayList<>();
        rows.add(solutionRow(run, Solution.FULL, "", run.logZ(), run.logZErr(), 1));
        for (ModeRow m : prominent) {
            rows.add(solutionRow(run, Solution.modeName(m.mode()), Integer.toString(m.function()), m.localLogZ(),
                    m.localLogZErr(), m.weight()));
        }
        page.table(tableId, List.of("solution", "function", "(local) log Z", "±", "weight", "<log L>/N train",
                        "<log L>/N tests"), List.of("solution", "function", "log-z", "log-z-err", "weight", "train",
                        "test"), rows);
        page.figure(link + figure1, fig1.getWidth(), fig1.getHeight(), maps ? "Figure 1b: the training points (class"
                + " 0 dark blue, class 1 dark red) over the full solution's posterior-mean p(y = 1 | x), from 0 (blue) "
                + "to 1 (red)." : "Figure 1b (a network of other than two inputs has no prediction map): the "
                + "reliability of the full solution's posterior-mean p(y = 1 | x) on the training set: its rows in "
                + Reliability.BINS + " bins of the prediction, the fraction of class 1 against the bin's mean "
                + "prediction (dashed: calibrated).");
        page.figure(link + FIGURE_2, fig2.getWidth(), fig2.getHeight(), "Figure 2: the full posterior's samples of "
                + "the input-to-hidden weights, coloured by prominent mode (" + prominent.size() + " prominent, "
                + "weights " + Html.escape(weights(prominent)) + ").");
        page.figure(link + FIGURE_3, fig3.getWidth(), fig3.getHeight(), "Figure 3: for the full solution and each "
                + "prominent mode, &lt;log L&gt;/N on the training and test sets (box: quartiles, whiskers: extremes, "
                + "dot: mean, dashed: the full solution's), the local log Z &plusmn; its error (dashed: the full "
                + "log Z)" + (maps ? " and the prediction map on Figure 1b's scale." : "."));
    }

    private static Html.Row solutionRow(RunFigureInput run, String solution, String function, double logZ,
                                        double err, double weight) {
        double train = run.generalisation().stream()
                .filter(r -> r.solution().equals(solution) && r.dataset().equals(GeneralisationRow.TRAIN))
                .mapToDouble(LogLikelihoodRow::mean).findFirst().orElse(Double.NaN);
        double test = LogLikelihoodRow.testMean(run.generalisation(), solution).orElse(Double.NaN);
        return new Html.Row(solution, List.of(solution, function, Html.number(logZ, RunPage.LOG_Z_DECIMALS),
                Html.number(err, RunPage.LOG_Z_DECIMALS), Html.number(weight, RunPage.FRACTION_DECIMALS),
                Html.number(train, RunPage.FRACTION_DECIMALS), Html.number(test, RunPage.FRACTION_DECIMALS)));
    }

    private static String weights(List<ModeRow> modes) {
        return modes.stream().map(m -> Html.number(m.weight(), RunPage.FRACTION_DECIMALS))
                .collect(Collectors.joining(", "));
    }
}
