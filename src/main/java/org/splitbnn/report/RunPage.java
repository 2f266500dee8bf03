package org.splitbnn.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The report of one run: Figures 1b, 2 and 3 as PNG files and the page that shows them with the key numbers. */
public final class RunPage {

    /** Decimals of log Z on the page. */
    public static final int LOG_Z_DECIMALS = 3;

    /** Decimals of weights and &lt;log L&gt;/N on the page. */
    public static final int FRACTION_DECIMALS = 4;

    private RunPage() {
    }

    /** Writes the figures of {@code run} into {@code out} and returns the page. */
    public static Html write(RunDirectory run, Path out) throws IOException {
        var s = run.summary();
        var settings = s.path("settings");
        Html page = new Html("splitbnn run report: " + run.dir().toAbsolutePath().normalize().getFileName());
        page.paragraph(Html.escape(String.format(Locale.ROOT, "Prior %s, %s hidden units, nlive %s, seed %s, training set %s "
                        + "(%s), splitbnn %s.", run.prior(), settings.path("hidden").asText(),
                settings.path("nlive").asText(), s.path("seed").asText(), run.trainingPath(),
                run.figures().training() == null ? "file not found or changed since the run"
                        : run.figures().training().size() + " rows",
                s.path("splitbnn_version").asText())));
        page.paragraph("log Z = " + Html.span("log-z", s.path("log_z").asDouble(), LOG_Z_DECIMALS) + " &plusmn; "
                + Html.span("log-z-err", s.path("log_z_err").asDouble(), LOG_Z_DECIMALS)
                + " (relative to the prior's allowed region; relative to the whole box "
                + Html.number(s.path("log_z_box").asDouble(), LOG_Z_DECIMALS) + "); <span id=\"n-prominent\">"
                + s.path("n_prominent_modes").asInt() + "</span> prominent modes of "
                + s.path("n_modes").asInt() + " modes (" + s.path("n_clusters").asInt()
                + " leaf clusters), computing <span id=\"n-functions\">"
                + s.path("n_distinct_functions").asInt() + "</span> distinct functions (modes that are the same "
                + "network up to the hidden-unit symmetries share a function).");
        page.heading(2, "Functions");
        List<Html.Row> functions = new ArrayList<>();
        for (JsonNode f : s.path("functions")) {
            String rank = f.path("function").asText();
            List<String> modes = new ArrayList<>();
            f.path("modes").forEach(m -> modes.add(m.asText()));
            functions.add(new Html.Row(rank, List.of(rank, String.join(", ", modes),
                    Html.number(f.path("log_z").asDouble(), LOG_Z_DECIMALS),
                    Html.number(f.path("log_z_err").asDouble(), LOG_Z_DECIMALS),
                    Html.number(f.path("weight").asDouble(), FRACTION_DECIMALS),
                    Html.number(f.path("weight_err").asDouble(), FRACTION_DECIMALS),
                    f.path("prominent").asBoolean() ? "yes" : "no")));
        }
        page.table("functions", List.of("function", "modes", "log Z (sum over its modes)", "±", "weight", "±",
                "prominent"), List.of("function", "modes", "log-z", "log-z-err", "weight", "weight-err", "prominent"),
                functions);
        page.heading(2, "Solutions");
        RunFigures.write(run.figures(), out, "", "solutions", page);
        return page;
    }
}
