package org.splitbnn.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.splitbnn.analysis.Solution;

/** The report of one run: Figures 1b, 2 and 3 as PNG files and the page that shows them with the key numbers. */
public final class RunPage {

    /** File of Figure 1b. */
    public static final String FIGURE_1B = "figure1b-prediction.png";

    /** File of Figure 2. */
    public static final String FIGURE_2 = "figure2-corner.png";

    /** File of Figure 3. */
    public static final String FIGURE_3 = "figure3-solutions.png";

    /** Decimals of log Z on the page. */
    public static final int LOG_Z_DECIMALS = 3;

    /** Decimals of weights and &lt;log L&gt;/N on the page. */
    public static final int FRACTION_DECIMALS = 4;

    private RunPage() {
    }

    /** Writes the figures of {@code run} into {@code out} and returns the page. */
    public static Html write(RunDirectory run, Path out) throws IOException {
        BufferedImage fig1 = Png.write(PredictionFigure.draw(run), out.resolve(FIGURE_1B));
        BufferedImage fig2 = Png.write(CornerFigure.draw(run), out.resolve(FIGURE_2));
        BufferedImage fig3 = Png.write(SolutionsFigure.draw(run), out.resolve(FIGURE_3));

        var s = run.summary();
        var settings = s.path("settings");
        Html page = new Html("splitbnn run report: " + run.dir().toAbsolutePath().normalize().getFileName());
        page.paragraph(Html.escape(String.format(Locale.ROOT, "Prior %s, %s hidden units, nlive %s, seed %s, training set %s "
                        + "(%s), splitbnn %s.", run.prior(), settings.path("hidden").asText(),
                settings.path("nlive").asText(), s.path("seed").asText(), run.trainingPath(),
                run.training() == null ? "file not found or changed since the run" : run.training().size() + " rows",
                s.path("splitbnn_version").asText())));
        List<ModeRow> prominent = run.prominentModes();
        page.paragraph("log Z = " + Html.span("log-z", s.path("log_z").asDouble(), LOG_Z_DECIMALS) + " &plusmn; "
                + Html.span("log-z-err", s.path("log_z_err").asDouble(), LOG_Z_DECIMALS)
                + " (relative to the prior's allowed region; relative to the whole box "
                + Html.number(s.path("log_z_box").asDouble(), LOG_Z_DECIMALS) + "); <span id=\"n-prominent\">"
                + s.path("n_prominent_modes").asInt() + "</span> prominent modes of "
                + s.path("n_clusters").asInt() + " clusters.");
        page.heading(2, "Solutions");
        List<Html.Row> rows = new ArrayList<>();
        rows.add(solutionRow(run, Solution.FULL, s.path("log_z").asDouble(), s.path("log_z_err").asDouble(), 1));
        for (ModeRow m : prominent) {
            rows.add(solutionRow(run, Solution.modeName(m.mode()), m.localLogZ(), m.localLogZErr(), m.weight()));
        }
        page.table("solutions", List.of("solution", "(local) log Z", "±", "weight", "<log L>/N train",
                        "<log L>/N tests"), List.of("solution", "log-z", "log-z-err", "weight", "train", "test"),
                rows);
        page.figure(FIGURE_1B, fig1.getWidth(), fig1.getHeight(), "Figure 1b: the training points (class 0 dark "
                + "blue, class 1 dark red) over the full solution's posterior-mean p(y = 1 | x), from 0 (blue) to 1 "
                + "(red).");
        page.figure(FIGURE_2, fig2.getWidth(), fig2.getHeight(), "Figure 2: the full posterior's samples of the "
                + "input-to-hidden weights, coloured by prominent mode (" + prominent.size() + " prominent, weights "
                + Html.escape(weights(prominent)) + ").");
        page.figure(FIGURE_3, fig3.getWidth(), fig3.getHeight(), "Figure 3: for the full solution and each "
                + "prominent mode, &lt;log L&gt;/N on the training and test sets (box: quartiles, whiskers: extremes, "
                + "dot: mean, dashed: the full solution's), the local log Z &plusmn; its error (dashed: the full "
                + "log Z) and the prediction map on Figure 1b's scale.");
        return page;
    }

    private static Html.Row solutionRow(RunDirectory run, String solution, double logZ, double err, double weight) {
        double train = run.generalisation().stream()
                .filter(r -> r.solution().equals(solution) && r.dataset().equals(LogLikelihoodRow.TRAIN))
                .mapToDouble(LogLikelihoodRow::mean).findFirst().orElse(Double.NaN);
        double test = LogLikelihoodRow.testMean(run.generalisation(), solution).orElse(Double.NaN);
        return new Html.Row(solution, List.of(solution, Html.number(logZ, LOG_Z_DECIMALS),
                Html.number(err, LOG_Z_DECIMALS), Html.number(weight, FRACTION_DECIMALS),
                Html.number(train, FRACTION_DECIMALS), Html.number(test, FRACTION_DECIMALS)));
    }

    private static String weights(List<ModeRow> modes) {
        return modes.stream().map(m -> Html.number(m.weight(), FRACTION_DECIMALS)).collect(Collectors.joining(", "));
    }
}
