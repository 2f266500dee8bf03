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
                + "1 sampler seeds, 1 hidden sizes); estimated "), line);
        assertTrue(line.endsWith("on 2 cores (rough: within a factor of two on an idle machine)"), line);
    }

    @Test
    void costFollowsLivePointsRepeatsRowsAndUnits() throws IOException {
        RunSpec r = SweepConfigReader.read(Path.of("conf/paper.yaml")).runs().get(0);
        // the paper's run: 70 x 1000 x 45 calls at (3.2e-9 x 220 x 2 + 0.3e-6) s, plus 0.5 s of analysis
        assertEquals(70 * 1000 * 45 * (3.2e-9 * 220 * 2 + 0.3e-6) + 0.5, RunCost.seconds(r), 1e-9);
    }
}
