package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RunCostTest {

    @Test
    void planNamesTheGridAndItsTime() throws IOException {
        Sweep smoke = SweepConfigReader.read(Path.of("conf/smoke.yaml"));
        String line = smoke.plan(2);
        assertTrue(line.startsWith("sweep smoke: 4 runs (2 training sets, 2 priors, 1 prior half-widths, "
                + "1 sampler seeds, 1 hidden sizes, 1 sampler settings); estimated "), line);
        assertTrue(line.endsWith("on 2 cores (rough: within a factor of two on an idle machine)"), line);
    }

    @Test
    void costIsTheSamplingPlusGeneralisationAndBaselines() throws IOException {
        RunSpec r = SweepConfigReader.read(Path.of("conf/paper.yaml")).runs().get(0);
        // the paper's run: its sampling estimate, 1000 samples on 220 training and 10 x 220 test rows, and 32 starts
        // on 220 rows, with 2 hidden units
        assertEquals(r.settings().estimatedSeconds(220) + 8.7e-7 * 1000 * 2420 * 2 + 4.0e-5 * 32 * 220 * 2,
                RunCost.seconds(r), 1e-9);
    }
}
