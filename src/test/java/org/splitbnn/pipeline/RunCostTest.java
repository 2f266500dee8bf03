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
        // the paper's run: 70 x 1000 x 45 calls at (3.2e-9 x 220 x 2 + 0.3e-6) s; 1000 samples on 220 training and
        // 10 x 220 test rows; 32 starts on 220 rows; 2 hidden units
        assertEquals(70 * 1000 * 45 * (3.2e-9 * 220 * 2 + 0.3e-6) + 8.7e-7 * 1000 * 2420 * 2 + 4.0e-5 * 32 * 220 * 2,
                RunCost.seconds(r), 1e-9);
    }
}
