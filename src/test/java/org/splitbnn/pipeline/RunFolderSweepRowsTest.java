package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.cli.Main;

/**
 * One row contract: a run computed by {@code run} into a run folder and the same run computed by a sweep hold
 * identical rows in every table they share (spec columns included).
 */
@Tag("spark")
class RunFolderSweepRowsTest {

    @TempDir
    Path tmp;

    @Test
    void aRunFolderAndASweepHoldTheSameRowsForTheSameRun() throws Exception {
        Path train = Path.of("data/dev/train.csv").toAbsolutePath();
        Path test = Path.of("data/dev/test_01.csv").toAbsolutePath();
        Path config = Files.writeString(tmp.resolve("one.yaml"), String.join("\n",
                "name: one", "nlive: 30", "nprior: 300", "num_repeats: 9", "priors: [constrained]",
                "sampler_seeds: [3]", "posterior_samples: 50", "grid_step: 1.0",
                "outputs: {posterior: true, predictions: true}",
                "train:", "  - {csv: " + train + "}", "tests:", "  - {csv: " + test + "}", ""));
        Sweep sweep = SweepConfigReader.read(config);
        Path swept = tmp.resolve("sweep");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertEquals(0, new SweepDriver(SharedSpark.session(), quiet, quiet).run(sweep, swept.toString(), false)
                .failed());
        Path folder = tmp.resolve("run");
        int exit = Main.commandLine().execute("run", "--data", train.toString(), "--test", test.toString(),
                "--prior", "constrained", "--nlive", "30", "--nprior", "300", "--num-repeats", "9", "--seed", "3",
                "--posterior-samples", "50", "--grid-step", "1.0", "--quiet", "--out", folder.toString());
        assertEquals(0, exit);
        for (String table : List.of("modes", "generalisation", "optima", "starts", "posterior", "predictions")) {
            List<String> inSweep = SharedSpark.stableRows(swept.resolve(table));
            assertTrue(!inSweep.isEmpty(), table);
            assertEquals(inSweep, SharedSpark.stableRows(folder.resolve(table + ".parquet")), table);
        }
    }
}
