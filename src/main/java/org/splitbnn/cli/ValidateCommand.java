package org.splitbnn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerSettings;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;
import org.splitbnn.sampler.validation.ValidationRow;
import org.splitbnn.sampler.validation.ValidationSuite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code splitbnn validate}: runs the sampler on problems with known evidences and prints how close it gets. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run the sampler on problems with known evidences (gauss9, corr12, banana4, shells, eggbox, "
                + "mixture2, mixture9, sparse2, cut) and compare with the truth.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--nlive", defaultValue = "500", description = "Live points (default: ${DEFAULT-VALUE}).")
    int nlive;

    @Option(names = "--seed", defaultValue = "1", description = "Sampler seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sampler", defaultValue = "slice",
            description = "How dead points are replaced: slice (the paper's method) or region (default: "
                    + "${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--problem", split = ",", description = "Problems to run (default: all).")
    List<String> problems = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Option(names = "--quiet", description = "Do not print the sampler's progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SamplerKind kind = SamplerKind.of(sampler);
        List<ValidationProblem> chosen = problems.isEmpty() ? ValidationProblems.all()
                : problems.stream().map(ValidationProblems::byName).toList();
        for (ValidationProblem vp : chosen) {
            int dimension = vp.problem().dimension();
            try {
                SamplerSettings.defaults(dimension, seed).withNlive(nlive).checkFor(dimension);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option --nlive: " + e.getMessage() + " (problem " + vp.name()
                        + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationRow> rows = new ArrayList<>();
        if (!json) {
            out.println(header());
        }
        for (ValidationProblem vp : chosen) {
            ProgressListener listener = quiet ? ProgressListener.QUIET : ProgressListener.stderr(vp.name() + ": ");
            ValidationRow row = ValidationSuite.run(vp, nlive, seed, kind, listener);
            rows.add(row);
            if (!json) {
                out.println(format(row));
                out.flush();
            }
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(rows)));
        }
        out.flush();
        return 0;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-9s %10s %20s %8s %9s %6s %10s %11s %8s  %s", "problem", "truth",
                "log Z +- sigma", "pull", "clusters", "modes", "prominent", "nlike", "seconds", "log F (truth) / mode weights (truth)");
    }

    static String format(ValidationRow r) {
        StringBuilder extra = new StringBuilder();
        if (r.truthLogF() != 0) {
            extra.append(String.format(Locale.ROOT, "log F %.4f +- %.4f (%.4f)", r.logF(), r.logFErr(),
                    r.truthLogF()));
        }
        for (int k = 0; k < r.modeWeights().size(); k++) {
            extra.append(String.format(Locale.ROOT, "%sw%d %.3f +- %.3f (%.3f)", k == 0 ? "" : "  ", k + 1,
                    r.modeWeights().get(k), r.modeWeightErrs().get(k), r.truthWeights().get(k)));
        }
        return String.format(Locale.ROOT, "%-9s %10.4f %11.4f +- %6.4f %+8.2f %9d %6d %10d %11d %8.2f  %s",
                r.problem(), r.truth(), r.logZ(), r.logZErr(), r.pull(), r.nClusters(), r.nModes(),
                r.nProminentModes(), r.nLikelihood(), r.seconds(), extra);
    }

    private static ArrayNode toJson(List<ValidationRow> rows) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (ValidationRow r : rows) {
            ObjectNode o = arr.addObject();
            o.put("problem", r.problem());
            o.put("truth", r.truth());
            o.put("log_z", r.logZ());
            o.put("log_z_err", r.logZErr());
            o.put("pull", r.pull());
            o.put("n_clusters", r.nClusters());
            o.put("n_modes", r.nModes());
            o.put("n_prominent_modes", r.nProminentModes());
            o.put("n_likelihood_calls", r.nLikelihood());
            o.put("seconds", r.seconds());
            if (r.truthLogF() != 0) {
                o.put("log_prior_volume_fraction", r.logF());
                o.put("log_prior_volume_fraction_err", r.logFErr());
                o.put("truth_log_prior_volume_fraction", r.truthLogF());
            }
            if (!r.truthWeights().isEmpty()) {
                r.modeWeights().forEach(o.putArray("mode_weights")::add);
                r.modeWeightErrs().forEach(o.putArray("mode_weight_errs")::add);
                r.truthWeights().forEach(o.putArray("truth_mode_weights")::add);
            }
        }
        return arr;
    }
}
