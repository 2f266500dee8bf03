package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.RunSettings;

/**
 * Run ids are what a resume matches committed runs by: an accidental change of their text or hash (a renamed key, a
 * reordered setting, another number format) would silently make every earlier sweep compute everything again. This
 * pins one id; change it only with a deliberate change of the id format, and say so in the release notes.
 */
class RunIdsTest {

    private static final RunSettings PAPER = RunSettings.of(Map.of("prior", "constrained"), 2);
    private static final List<String> TESTS = List.of("test_01=" + "a".repeat(64), "test_02=" + "b".repeat(64));

    @Test
    void theCanonicalTextNamesEverySettingInOrder() {
        assertEquals("splitbnn=0.1.0|prior=constrained|prior_half_width=5.0|hidden=2|nlive=1000|nprior=10000"
                        + "|num_repeats=45|sampler=slice|sampler_seed=1|prominence=0.001|posterior_samples=1000|grid_step=0.1|baseline_starts=32"
                        + "|train=train=" + "c".repeat(64) + "|tests=" + String.join(",", TESTS)
                        + "|posterior=true|predictions=false",
                RunIds.canonical("0.1.0", PAPER, "train", "c".repeat(64), TESTS, new TableSelection(true, false)));
    }

    @Test
    void oneRunIdIsPinned() {
        // the first 16 hex digits of: printf %s "$canonical" | sha256sum
        assertEquals("06d8d17d0c8791fa", RunIds.of("0.1.0", PAPER, "train", "c".repeat(64), TESTS,
                new TableSelection(true, false)));
    }
}
