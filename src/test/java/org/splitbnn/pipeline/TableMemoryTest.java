package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's memory does not grow with the committed rows: a sweep whose commit log holds more posterior rows than
 * fit in the driver's heap as Spark rows gets its tables written by a driver JVM with that heap.
 */
@Tag("spark")
@Tag("slow")
class TableMemoryTest {

    private static final int RUNS = 32;
    private static final int ROWS_PER_RUN = 100_000;
    private static final String HEAP = "-Xmx512m";

    /**
     * Bytes a posterior row takes at the least as a Spark row on the driver: the row and its array of 12 column
     * references (16 + 16 + 12 x 4 with compressed references), theta, 9 doubles (16 + 72), and the boxed sample
     * number and log L (16 each), leaving out the spec columns' boxes and the array wrapper.
     */
    private static final long MIN_ROW_BYTES = 16 + 16 + 12 * 4 + 16 + 9 * 8 + 2 * 16;

    @TempDir
    Path tmp;

    @Test
    void tablesAreWrittenWithADriverHeapSmallerThanTheirRows() throws Exception {
        String seeds = LongStream.rangeClosed(1, RUNS).mapToObj(Long::toString).collect(Collectors.joining(", "));
        Path config = Files.writeString(tmp.resolve("big.yaml"), "name: big\nnlive: 20\npriors: [full]\n"
                + "sampler_seeds: [" + seeds + "]\ntrain:\n  - {seed: 1, counts: [5, 5, 5, 5]}\n"
                + "outputs: {posterior: true}\n");
        Sweep sweep = SweepConfigReader.read(config);
        Path out = tmp.resolve("out");
        Configuration conf = new Configuration();
        CommitStore store = new CommitStore(new org.apache.hadoop.fs.Path(out.toUri()), conf);
        for (RunSpec spec : sweep.runs()) {
            store.commit(List.of(SyntheticOutcomes.finished(spec, ROWS_PER_RUN)));
        }
        long rows = (long) RUNS * ROWS_PER_RUN;
        long heap = 512L << 20;
        assertTrue(rows * MIN_ROW_BYTES > heap, "the rows would not fit: " + rows * MIN_ROW_BYTES + " bytes");

        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand, HEAP, "-Dspark.master=local[1]"));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.splitbnn.cli.Main", "sweep",
                config.toString(), "--out", out.toString()));
        Path log = tmp.resolve("child.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the sweep ended");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("(0 computed, " + RUNS + " already committed), 0 failed"), text);
        assertEquals(rows, SharedSpark.session().read().parquet(out.resolve("posterior").toString()).count());
        assertEquals(RUNS, SharedSpark.session().read().parquet(out.resolve("runs").toString())
                .where("status = 'ok'").count());
    }
}
