package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.SamplerSettings;

/** The one home of every run setting: defaults, checks naming the key, and the README's table of them. */
class RunSettingsTest {

    @Test
    void defaultsFollowThePaper() {
        RunSettings s = RunSettings.of(Map.of("prior", "full"), 2);
        assertEquals(new RunSettings("full", 5.0, 2, 1000, 10_000, 45, "slice", 1, 1e-3, 1000, 0.1, 32, 2), s);
        assertEquals(new RunSettings("full", 5.0, 3, 200, 2000, 65, "slice", 7, 1e-3, 1000, 0.1, 32, 2),
                RunSettings.of(Map.of("prior", "full", "hidden", 3, "nlive", 200, "sampler_seed", 7), 2));
    }

    @Test
    void theHelpAndDocsTextOfEachDefaultComesFromItsValue() {
        assertEquals(Arrays.asList(null, "5", "2", "1000", "10 x nlive", "5 x dimension", "slice", "1", "1e-3", "1000",
                "0.1", "32"), RunSettings.SETTINGS.stream().map(RunSettings.Setting::defaultText).toList());
    }

    @Test
    void thePaperExperimentIsTheDefaultSettings() {
        Dataset train = DevData.train();
        ExperimentSpec paper = new ExperimentSpec(train, List.of(), "full", 5.0, 2,
                SamplerSettings.defaults(9, 7).withNlive(1000).withNprior(10_000), 1e-3, 1000, 0.1, 32);
        assertEquals(paper, ExperimentSpec.paper(train, List.of(), "full", 7));
    }

    @Test
    void everyProblemNamesItsKey() {
        assertKey(Map.of(), "prior", "is required");
        assertKey(Map.of("prior", "wide"), "prior", "unknown prior 'wide'");
        assertKey(Map.of("prior", "constrained", "hidden", 3), "prior", "2-2-1 network (2 inputs, 2 hidden units), got a 2-3-1");
        assertKey(Map.of("prior", "full", "hidden", 0), "hidden", "must lie in [1,");
        assertKey(Map.of("prior", "full", "hidden", Integer.MAX_VALUE), "hidden", "must lie in [1,");
        assertKey(Map.of("prior", "full", "nlive", 9), "nlive", "must exceed the dimension (9)");
        assertKey(Map.of("prior", "full", "nlive", 1_000_000_000), "nlive", "10 x nlive = 10000000000 exceeds");
        assertKey(Map.of("prior", "full", "nlive", 100, "nprior", 50), "nprior", "at least nlive");
        assertKey(Map.of("prior", "full", "nlive", 100, "nprior", 300_000_000), "nprior", "exceeds the largest array");
        assertKey(Map.of("prior", "full", "num_repeats", 0), "num_repeats", "at least 1");
        assertKey(Map.of("prior", "full", "prominence", 1.5), "prominence", "(0, 1]");
        assertKey(Map.of("prior", "full", "posterior_samples", 0), "posterior_samples", "at least 1");
        assertKey(Map.of("prior", "full", "grid_step", -1.0), "grid_step", "positive");
        assertKey(Map.of("prior", "full", "prior_half_width", Double.NaN), "prior_half_width", "positive");
        assertKey(Map.of("prior", "full", "nlive", "many"), "nlive", "expected an integer");
        assertKey(Map.of("prior", "full", "seed", 1), "seed", "unknown setting");
    }

    @Test
    void theMemoryBoundCountsThePriorDrawsAndTheDeadPoints() {
        long paper = RunSettings.of(Map.of("prior", "full"), 2).minimumHeapBytes();
        // 10,000 prior draws x (16 x 9 + 24) bytes + 32,000 dead points x (8 x 9 + 36) bytes
        assertEquals(10_000L * 168 + 32_000L * 108, paper);
    }

    @Test
    void theReadmeListsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            String row = "| `" + s.key() + "` (`" + s.option() + "`";
            assertTrue(readme.contains(row), "README lacks the row of " + s.key());
            String line = readme.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            assertTrue(line.endsWith("| " + (s.defaultText() == null ? "required" : s.defaultText()) + " |"), line);
        }
    }

    private static void assertKey(Map<String, ?> given, String key, String problem) {
        RunSettings.SettingException e = assertThrows(RunSettings.SettingException.class,
                () -> RunSettings.of(new HashMap<>(given), 2));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }
}
