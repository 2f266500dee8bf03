package org.splitbnn.output;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.FunctionReport;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;

/**
 * The {@code summary.json} of a run: what ran (version, seed, settings, data files with their SHA-256), the evidence
 * and its bookkeeping, the modes (largest local evidence first, each with its {@code function} and with {@code mean}
 * and {@code sd} as {parameter: value}), the distinct functions (largest summed evidence first), the generalisation
 * table and the baselines (distinct optima and every start). Snake-case keys; a number that is not finite is written
 * as null.
 *
 * <p>{@code log_z} is relative to the prior's allowed region (as PolyChord reports it); {@code log_z_box} =
 * {@code log_z + log_prior_volume_fraction} is relative to the whole uniform box.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryJson() {
    }

    /**
     * The summary of {@code result} of the run {@code runId} with {@code runSettings}, run by splitbnn
     * {@code version} on {@code data} (train first). Its {@code settings} hold every run setting by key
     * ({@link RunSettings#SETTINGS}); {@code sampler} the sampler's fixed internals.
     */
    public static ObjectNode of(String runId, RunSettings runSettings, ExperimentResult result,
                                List<DataSource> data, String version) {
        SamplerResult run = result.sampler();
        SamplerSettings s = run.settings();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("splitbnn_version", version);
        root.put("run_id", runId);
        ObjectNode settings = root.putObject("settings");
        for (RunSettings.Setting setting : RunSettings.SETTINGS) {
            settings.set(setting.key(), MAPPER.valueToTree(setting.value().apply(runSettings)));
        }
        ObjectNode sampler = root.putObject("sampler_internals");
        sampler.put("nfail", s.nfail());
        sampler.put("do_clustering", s.doClustering());
        number(sampler, "precision_criterion", s.precisionCriterion());
        number(sampler, "compression_factor", s.compressionFactor());
        sampler.put("max_ndead", s.maxNdead());
        ArrayNode files = root.putArray("data");
        for (DataSource d : data) {
            ObjectNode f = files.addObject();
            f.put("role", d.role());
            f.put("name", d.name());
            f.put("path", d.path());
            f.put("sha256", d.sha256());
            f.put("rows", d.rows());
        }
        ArrayNode names = root.putArray("parameter_names");
        run.parameterNames().forEach(names::add);
        number(root, "log_z", run.logZ());
        number(root, "log_z_err", run.logZErr());
        number(root, "log_prior_volume_fraction", run.logPriorVolumeFraction());
        number(root, "log_prior_volume_fraction_err", run.logPriorVolumeFractionErr());
        number(root, "log_z_box", run.logZ() + run.logPriorVolumeFraction());
        number(root, "kl_divergence", run.klDivergence());
        root.put("n_clusters", run.nClusters());
        root.put("n_modes", result.modes().size());
        root.put("n_prominent_modes", result.prominentModes());
        root.put("n_distinct_functions", result.distinctFunctions());
        root.put("n_likelihood_calls", run.nLikelihood());
        root.put("n_outside_support", run.nOutsideSupport());
        root.put("n_prior_draws", run.nPriorDraws());
        root.put("n_dead", run.nDead());
        number(root, "wall_seconds", run.wallSeconds());
        ArrayNode modes = root.putArray("modes");
        for (ModeReport m : result.modes()) {
            ObjectNode o = modes.addObject();
            o.put("mode", m.mode());
            o.put("cluster_id", m.clusterId());
            number(o, "local_log_z", m.localLogZ());
            number(o, "local_log_z_err", m.localLogZErr());
            number(o, "weight", m.weight());
            o.put("prominent", m.prominent());
            o.put("function", m.function());
            byParameter(o.putObject("mean"), run.parameterNames(), m.mean());
            byParameter(o.putObject("sd"), run.parameterNames(), m.sd());
        }
        ArrayNode functions = root.putArray("functions");
        for (FunctionReport f : result.functions()) {
            ObjectNode o = functions.addObject();
            o.put("function", f.function());
            ArrayNode members = o.putArray("modes");
            f.modes().forEach(members::add);
            number(o, "log_z", f.logZ());
            number(o, "log_z_err", f.logZErr());
            number(o, "weight", f.weight());
            number(o, "weight_err", f.weightErr());
            o.put("prominent", f.prominent());
        }
        ArrayNode table = root.putArray("generalisation");
        for (GeneralisationRow g : result.generalisation()) {
            ObjectNode o = table.addObject();
            o.put("solution", g.solution());
            o.put("dataset", g.dataset());
            o.put("samples", g.samples());
            number(o, "mean", g.mean());
            number(o, "min", g.min());
            number(o, "q1", g.q1());
            number(o, "median", g.median());
            number(o, "q3", g.q3());
            number(o, "max", g.max());
            number(o, "predictive_log_likelihood", g.predictiveLogLikelihood());
            number(o, "accuracy", g.accuracy());
            number(o, "brier", g.brier());
            number(o, "ece", g.ece());
        }
        ObjectNode baselines = root.putObject("baselines");
        baselines.put("n_converged_starts", result.baselines().convergedStarts());
        baselines.put("n_distinct_optima", result.baselines().optima().size());
        ArrayNode optima = baselines.putArray("optima");
        for (Baselines.DistinctOptimum d : result.baselines().optima()) {
            ObjectNode o = optima.addObject();
            o.put("optimum", d.optimum());
            number(o, "log_l", d.logL());
            o.put("basin_count", d.basinCount());
            number(o, "basin_fraction", d.basinFraction());
            o.put("images", d.images());
            number(o, "laplace_log_z", d.laplaceLogZ());
            number(o, "laplace_log_z_image", d.laplaceLogZImage());
            o.put("positive_definite", d.positiveDefinite());
            o.put("on_wall", d.onWall());
            number(o, "laplace_weight", d.laplaceWeight());
            if (d.matchedMode() == 0) {
                o.putNull("matched_mode");
            } else {
                o.put("matched_mode", d.matchedMode());
            }
            if (d.matchedFunction() == 0) {
                o.putNull("matched_function");
            } else {
                o.put("matched_function", d.matchedFunction());
            }
            number(o, "ns_weight", d.nsWeight());
            byParameter(o.putObject("theta"), run.parameterNames(), d.theta());
        }
        ArrayNode starts = baselines.putArray("starts");
        for (Baselines.StartOutcome d : result.baselines().starts()) {
            ObjectNode o = starts.addObject();
            o.put("start", d.start());
            if (d.optimum() == 0) {
                o.putNull("optimum");
            } else {
                o.put("optimum", d.optimum());
            }
            o.put("converged", d.converged());
            number(o, "log_l", d.logL());
            number(o, "projected_gradient_norm", d.projectedGradientNorm());
            o.put("iterations", d.iterations());
            byParameter(o.putObject("theta"), run.parameterNames(), d.theta());
        }
        return root;
    }

    /** The summary as pretty-printed JSON text, ending with a newline. */
    public static String text(ObjectNode summary) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void byParameter(ObjectNode o, List<String> names, List<Double> values) {
        for (int j = 0; j < names.size(); j++) {
            number(o, names.get(j), values.get(j));
        }
    }

    private static void byParameter(ObjectNode o, List<String> names, double[] values) {
        for (int j = 0; j < names.size(); j++) {
            number(o, names.get(j), values[j]);
        }
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }
}
