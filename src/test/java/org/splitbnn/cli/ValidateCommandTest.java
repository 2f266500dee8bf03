package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

    @Test
    void jsonHasTheDocumentedKeysAndTheTruth() throws Exception {
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("validate", "--json", "--quiet",
                "--nlive", "100", "--problem", "mixture2,cut");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode rows = new ObjectMapper().readTree(o.out());
        assertEquals(2, rows.size());
        for (JsonNode r : rows) {
            for (String key : new String[] {"problem", "truth", "log_z", "log_z_err", "n_clusters",
                    "n_modes", "n_prominent_modes", "n_likelihood_calls", "seconds"}) {
                assertTrue(r.has(key), key);
            }
            assertTrue(Math.abs(r.get("log_z").asDouble() - r.get("truth").asDouble())
                    < 3 * r.get("log_z_err").asDouble());
        }
        assertEquals(0.8, rows.get(0).get("truth_mode_weights").get(0).asDouble(), 0.0);
        assertTrue(rows.get(1).has("log_prior_volume_fraction"));
    }

    @Test
    void unknownProblemIsBadInput() {
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("validate", "--problem", "nope");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertTrue(o.err().contains("unknown validation problem 'nope'"), o.err());
    }

    @Test
    void regionSamplerRunsAndAnUnknownSamplerIsBadInput() throws Exception {
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("validate", "--json", "--quiet",
                "--nlive", "100", "--problem", "mixture2", "--sampler", "region");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode r = new ObjectMapper().readTree(o.out()).get(0);
        assertTrue(Math.abs(r.get("log_z").asDouble() - r.get("truth").asDouble())
                < 3 * r.get("log_z_err").asDouble(), o.out());
        CommandLineTestSupport.Outcome bad = CommandLineTestSupport.execute("validate", "--sampler", "gibbs");
        assertEquals(Main.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("sampler must be one of [slice, region], got 'gibbs'"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
