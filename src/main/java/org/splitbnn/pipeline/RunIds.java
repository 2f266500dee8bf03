package org.splitbnn.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.data.Sha256;

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
    public static String of(String version, RunSettings settings, String train, String trainSha256,
                            List<String> tests, TableSelection outputs) {
        return Sha256.of(canonical(version, settings, train, trainSha256, tests, outputs)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * The text a run id hashes: {@code splitbnn=VERSION|} the settings' {@link RunSettings#canonical()}
     * {@code |train=NAME=SHA256|tests=NAME=SHA256,...|posterior=BOOL|predictions=BOOL}.
     */
    static String canonical(String version, RunSettings settings, String train, String trainSha256,
                            List<String> tests, TableSelection outputs) {
        return "splitbnn=" + version + "|" + settings.canonical() + "|train=" + train + "=" + trainSha256
                + "|tests=" + String.join(",", tests) + "|posterior=" + outputs.posterior() + "|predictions="
                + outputs.predictions();
    }
}
