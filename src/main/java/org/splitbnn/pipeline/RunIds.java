package org.splitbnn.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.splitbnn.sampler.SamplerKind;

/**
 * Deterministic run ids: the first 16 hex digits of the SHA-256 of a canonical description of a run (every setting,
 * the datasets by name and content hash, the tables asked for) and the splitbnn version. The sweep's name and the
 * order of the grid play no part, so the same run in another sweep or grid has the same id.
 */
public final class RunIds {

    private RunIds() {
    }

    /**
     * The id of a run; {@code tests} are "name=sha256" strings in the order of the configuration. The sampler
     * enters the description only when it is not the default slice sampler, so that runs made before the setting
     * existed keep their ids.
     */
    public static String of(String version, String prior, double priorHalfWidth, int hidden, int nlive, int nprior,
                            int numRepeats, SamplerKind sampler, long samplerSeed, double prominence,
                            int posteriorSamples, double gridStep, int baselineStarts, String train,
                            String trainSha256, List<String> tests,
                            TableSelection outputs) {
        String canonical = String.format(Locale.ROOT,
                "splitbnn=%s|prior=%s|a=%s|hidden=%d|nlive=%d|nprior=%d|num_repeats=%d|seed=%d|prominence=%s"
                        + "|posterior_samples=%d|grid_step=%s|baseline_starts=%d|train=%s=%s|tests=%s|posterior=%b|predictions=%b",
                version, prior, Double.toString(priorHalfWidth), hidden, nlive, nprior, numRepeats, samplerSeed,
                Double.toString(prominence), posteriorSamples, Double.toString(gridStep), baselineStarts, train,
                trainSha256, String.join(",", tests), outputs.posterior(), outputs.predictions())
                + (sampler == SamplerKind.SLICE ? "" : "|sampler=" + sampler.key());
        return Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
