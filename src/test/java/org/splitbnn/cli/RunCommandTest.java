package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.analysis.Experiment;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.ExperimentSpec;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.RunTables;
import org.splitbnn.output.Table;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerSettings;

/** {@code splitbnn run} end to end on the dev data (constrained prior, nlive 200, two test sets), and bad input. */
@Tag("slow")
class RunCommandTest {

    /** The contract's type of each kind of column a run's Parquet file can hold. */
    private static final Map<Class<?>, Table.ColumnType> PARQUET_TYPES = Map.of(
            ParquetTable.Strings.class, Table.ColumnType.STRING, ParquetTable.Ints.class, Table.ColumnType.INT,
            ParquetTable.Longs.class, Table.ColumnType.LONG, ParquetTable.Doubles.class, Table.ColumnType.DOUBLE,
            ParquetTable.Booleans.class, Table.ColumnType.BOOLEAN,
            ParquetTable.DoubleLists.class, Table.ColumnType.DOUBLE_LIST);

    @TempDir
    static Path dir;

    private static Path out;
    private static CommandLineTestSupport.Outcome outcome;
    private static JsonNode summary;

    @BeforeAll
    static void run() throws IOException {
        out = dir.resolve("run");
        outcome = CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--test",
                "data/dev/test_01.csv", "--test", "data/dev/test_02.csv", "--prior", "constrained", "--nlive", "200",
                "--seed", "1", "--out", out.toString(), "--polychord-files", "--quiet");
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void writesEveryFileAndNothingElse() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err(), "--quiet prints nothing on stderr");
        assertTrue(outcome.out().contains("1 prominent"), outcome.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(".splitbnn", "dead.parquet", "generalisation.parquet", "modes.parquet",
                            "optima.parquet", "posterior.parquet", "predictions.parquet", "run.paramnames", "run.stats",
                            "run_dead-birth.txt", "run_phys_live-birth.txt", "starts.parquet", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(out), siblings.toList(), "no temporary folder left beside the output");
        }
    }

    @Test
    void summaryHoldsTheSameNumbersAsTheExperiment() throws IOException {
        ExperimentResult r = Experiment.run(sameSpec(), ProgressListener.QUIET);
        assertEquals(r.sampler().logZ(), summary.get("log_z").asDouble());
        assertEquals(r.sampler().logZErr(), summary.get("log_z_err").asDouble());
        assertEquals(r.sampler().logZ() + r.sampler().logPriorVolumeFraction(), summary.get("log_z_box").asDouble());
        assertEquals(r.sampler().nLikelihood(), summary.get("n_likelihood_calls").asLong());
        assertEquals(r.sampler().nOutsideSupport(), summary.get("n_outside_support").asLong());
        assertEquals(r.sampler().nDead(), summary.get("n_dead").asLong());
        assertEquals(r.sampler().nClusters(), summary.get("n_clusters").asInt());
        assertEquals(r.modes().size(), summary.get("n_modes").asInt());
        assertEquals(1, summary.get("n_prominent_modes").asInt());
        assertEquals(1, summary.get("n_distinct_functions").asInt());
        assertEquals(r.functions().get(0).weight(), summary.at("/functions/0/weight").asDouble());
        assertEquals(r.functions().get(0).logZErr(), summary.at("/functions/0/log_z_err").asDouble());
        assertEquals(1, summary.at("/functions/0/modes/0").asInt());
        assertTrue(summary.at("/functions/0/prominent").asBoolean());
        assertEquals(1, summary.at("/modes/0/function").asInt());
        assertEquals(1, summary.at("/settings/sampler_seed").asLong());
        assertEquals(2000, summary.at("/settings/nprior").asInt());
        assertEquals(64, summary.at("/data/0/sha256").asText().length());
        assertEquals("test_02", summary.at("/data/2/name").asText());
        ModeReport main = r.modes().get(0);
        assertEquals(main.localLogZ(), summary.at("/modes/0/local_log_z").asDouble());
        assertEquals(main.mean().get(0), summary.at("/modes/0/mean/w11").asDouble());
        assertEquals(main.sd().get(8), summary.at("/modes/0/sd/b2").asDouble());
        // full, mode 1, map, ensemble and laplace, each on train, test_01, test_02 and the pooled tests
        assertEquals(20, summary.get("generalisation").size());
        assertEquals(32, summary.at("/baselines/starts").size());
        assertEquals(r.baselines().optima().size(), summary.at("/baselines/optima").size());
        assertEquals(r.baselines().optima().get(0).laplaceLogZ(),
                summary.at("/baselines/optima/0/laplace_log_z").asDouble());
        assertEquals(r.generalisation().get(0).brier(), summary.at("/generalisation/0/brier").asDouble());
        GeneralisationRow first = r.generalisation().get(0);
        assertEquals(first.mean(), summary.at("/generalisation/0/mean").asDouble());
        assertEquals(first.accuracy(), summary.at("/generalisation/0/accuracy").asDouble());
    }

    @Test
    void parquetFilesHaveTheContractsColumnsAndReadBack() throws IOException {
        for (Table t : RunTables.TABLES) {
            assertEquals(t.columns(), ParquetTable.read(out.resolve(t.folder() + ".parquet")).columns().stream()
                    .map(c -> Table.Column.of(c.name(), PARQUET_TYPES.get(c.getClass()))).toList(),
                    t.folder() + ": the file holds the sweep's table's column names and types");
        }
        ParquetTable dead = ParquetTable.read(out.resolve("dead.parquet"));
        assertEquals(summary.get("n_dead").asInt(), dead.rows());
        assertEquals(summary.get("run_id").asText(), dead.strings("run_id")[0]);
        assertEquals(200, dead.ints("nlive")[0]);
        ParquetTable posterior = ParquetTable.read(out.resolve("posterior.parquet"));
        assertEquals(1000, posterior.rows(), "the full solution's samples");
        assertEquals(9, posterior.doubleLists("theta")[999].length);
        ParquetTable modes = ParquetTable.read(out.resolve("modes.parquet"));
        assertEquals(summary.get("n_modes").asInt(), modes.rows());
        assertTrue(modes.booleans("prominent")[0]);
        for (int k = 0; k < modes.rows(); k++) {
            assertEquals(summary.at("/modes/" + k + "/function").asInt(), modes.ints("function")[k]);
            assertEquals(modes.booleans("prominent")[k], modes.ints("function")[k] > 0);
        }
        assertEquals(summary.at("/modes/0/mean/b2").asDouble(), modes.doubleLists("mean")[0][8]);
        ParquetTable generalisation = ParquetTable.read(out.resolve("generalisation.parquet"));
        assertEquals(summary.at("/generalisation/3/mean").asDouble(), generalisation.doubles("mean")[3]);
        assertEquals("tests_pooled", generalisation.strings("dataset")[3]);
        ParquetTable predictions = ParquetTable.read(out.resolve("predictions.parquet"));
        assertEquals(0, predictions.rows() % 2);
        assertTrue(Arrays.stream(predictions.doubles("probability")).allMatch(p -> p >= 0 && p <= 1));
    }

    @Test
    void polyChordFilesHoldTheDeadAndLivePoints() throws IOException {
        List<String> dead = Files.readAllLines(out.resolve("run_dead-birth.txt"));
        List<String> live = Files.readAllLines(out.resolve("run_phys_live-birth.txt"));
        assertEquals(summary.get("n_dead").asInt(), dead.size());
        assertEquals(200, live.size());
        double[] first = Arrays.stream(dead.get(0).trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(11, first.length, "9 parameters, logL, logL_birth");
        double[] parquetFirst = new double[11];
        ParquetTable table = ParquetTable.read(out.resolve("dead.parquet"));
        System.arraycopy(table.doubleLists("theta")[0], 0, parquetFirst, 0, 9);
        parquetFirst[9] = table.doubles("log_l")[0];
        parquetFirst[10] = -1e30;
        assertArrayEquals(parquetFirst, first, "17 significant digits read back exactly; prior draws born on -1e30");
        List<String> names = Files.readAllLines(out.resolve("run.paramnames"));
        assertEquals("b1_2      b_{1,2}", names.get(5));
        String stats = Files.readString(out.resolve("run.stats"));
        assertTrue(stats.contains("log(Z)       = "), stats);
        assertTrue(stats.contains(" ndead:      " + String.format("%8d", summary.get("n_dead").asInt())), stats);
    }

    @Test
    void existingOutputIsRefusedUntouchedAndForceReplacesOnlySplitbnnOutput(@TempDir Path other) throws IOException {
        Path keep = other.resolve("keep");
        Files.createDirectories(keep);
        Files.writeString(keep.resolve("mine.txt"), "keep me");
        assertBadInput(execute("--prior", "constrained", "--out", keep.toString()), "not empty");
        assertBadInput(execute("--prior", "constrained", "--out", keep.toString(), "--force"),
                "not written by splitbnn");
        assertEquals("keep me", Files.readString(keep.resolve("mine.txt")));
        assertEquals(List.of(keep), listing(other));
        Path earlier = other.resolve("earlier");
        assertEquals(0, execute("--prior", "full", "--nlive", "20", "--out", earlier.toString(),
                "--posterior-samples", "50").exitCode());
        CommandLineTestSupport.Outcome forced = execute("--prior", "full", "--nlive", "20", "--out",
                earlier.toString(), "--force", "--posterior-samples", "50", "--seed", "2");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(2, new ObjectMapper().readTree(earlier.resolve("summary.json").toFile())
                .at("/settings/sampler_seed").asInt());
        assertEquals(List.of(earlier, keep), listing(other));
    }

    @Test
    void forceNeverDeletesTheInputs(@TempDir Path other) throws IOException {
        Path train = Files.copy(Path.of("data/dev/train.csv"), other.resolve("train.csv"));
        Files.writeString(other.resolve("summary.json"), "{}");
        CommandLineTestSupport.Outcome o = CommandLineTestSupport.execute("run", "--data", train.toString(),
                "--prior", "full", "--nlive", "20", "--out", other.toString(), "--force", "--quiet");
        assertBadInput(o, "holds the input " + train);
        assertTrue(Files.exists(train));
    }

    @Test
    void badInputGivesOneLineExitTwoAndNoOutput(@TempDir Path other) throws IOException {
        Path malformed = other.resolve("bad.csv");
        Files.writeString(malformed, "x1,x2,y\n0.5,0.5,2\n");
        Path target = other.resolve("out");
        assertBadInput(CommandLineTestSupport.execute("run", "--data", other.resolve("missing.csv").toString(),
                "--prior", "full", "--out", target.toString(), "--quiet"), "missing.csv");
        assertBadInput(CommandLineTestSupport.execute("run", "--data", malformed.toString(), "--prior", "full",
                "--out", target.toString(), "--quiet"), "line 2");
        assertBadInput(CommandLineTestSupport.execute("run", "--data", "data/dev/train.csv", "--test",
                malformed.toString(), "--prior", "full", "--out", target.toString(), "--quiet"), "bad.csv");
        assertBadInput(execute("--prior", "wide", "--out", target.toString()), "unknown prior");
        assertBadInput(execute("--prior", "full", "--nlive", "9", "--out", target.toString()), "nlive");
        assertBadInput(execute("--prior", "constrained", "--hidden", "3", "--out", target.toString()), "2 hidden");
        // an nlive whose default nprior overflows an int is named, not reported as a negative number
        assertBadInput(execute("--prior", "full", "--nlive", "1000000000", "--out", target.toString()),
                "option --nlive: the default nprior = 10 x nlive = 10000000000 exceeds the largest int");
        assertBadInput(execute("--prior", "full", "--nlive", "3000000", "--out", target.toString()),
                "of heap, more than the");
        assertBadInput(execute("--prior", "full", "--nlive", "x", "--out", target.toString()), "--nlive");
        assertBadInput(execute("--prior", "full", "--prominence", "0", "--out", target.toString()),
                "option --prominence: prominence must lie in (0, 1]");
        assertBadInput(execute("--prior", "full", "--starts", "-1", "--out", target.toString()),
                "option --baseline-starts: baseline starts must be 0");
        assertEquals(List.of(malformed), listing(other), "nothing written beside the inputs");
    }

    private static CommandLineTestSupport.Outcome execute(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--data", "data/dev/train.csv", "--quiet"));
        all.addAll(List.of(args));
        return CommandLineTestSupport.execute(all.toArray(String[]::new));
    }

    private static void assertBadInput(CommandLineTestSupport.Outcome o, String mentions) {
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(mentions), o.err());
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static ExperimentSpec sameSpec() throws IOException {
        Dataset train = DatasetCsv.read(Path.of("data/dev/train.csv"));
        List<Dataset> tests = List.of(DatasetCsv.read(Path.of("data/dev/test_01.csv")),
                DatasetCsv.read(Path.of("data/dev/test_02.csv")));
        SamplerSettings s = SamplerSettings.defaults(9, 1).withNlive(200).withNprior(2000);
        return new ExperimentSpec(train, tests, "constrained", 5.0, 2, s, 1e-3, 1000, 0.1, 32);
    }
}
