package org.splitbnn.output;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.RunSettings;

/** The checks made before a run starts. */
class WorkChecksTest {

    @Test
    void aRunThatCannotFitTheHeapIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkChecks.checkMemory(
                RunSettings.of(Map.of("prior", "full", "nlive", 3_000_000), 2), 4L << 30, "-Xmx"));
        assertTrue(e.getMessage().startsWith("nlive 3000000, nprior 30000000: one run needs at least 14.3 GB of "
                + "heap, more than the 4.0 GB of -Xmx"), e.getMessage());
    }
}
