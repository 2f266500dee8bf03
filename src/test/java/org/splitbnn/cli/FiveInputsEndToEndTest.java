package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;
import org.splitbnn.pipeline.SharedSpark;
import org.splitbnn.pipeline.SweepConfigReader;
import org.splitbnn.pipeline.SweepDriver;
import org.splitbnn.report.RunFigures;

/**
 * A network of five inputs end to end at a small nlive: {@code data} writes a parity problem, {@code run} and
 * {@code report} on it, the shipped {@code conf/inputs5.yaml} swept (a generated and a CSV training set) and
 * reported; and the CSV files a five-input network refuses, each with one line naming file, line and column.
 */
@Tag("spark")
class FiveInputsEndToEndTest {

    private static final NetworkShape SHAPE = new NetworkShape(5, 2);

    @TempDir
    Path tmp;

    @Test
    void dataRunAndReport() throws IOException {
        Path train = tmp.resolve("train.csv");
        Path test = tmp.resolve("test.csv");
        for (String[] file : List.of(new String[] {"3", train.toString()}, new String[] {"4", test.toString()})) {
            CommandLineTestSupport.Outcome data = CommandLineTestSupport.execute("data", "--generator", "parity",
                    "--inputs", "5", "--size", "96", "--seed", file[0], "--out", file[1]);
            assertEquals(Main.DONE, data.exitCode(), data.err());
        }
        assertTrue(Files.readString(train).startsWith("x1,x2,x3,x4,x5,y\n"));
        Path out = tmp.resolve("run");
        CommandLineTestSupport.Outcome run = CommandLineTestSupport.execute("run", "--data", train.toString(),
                "--test", test.toString(), "--prior", "full", "--nlive", "60", "--num-repeats", "15", "--out",
                out.toString(), "--polychord-files", "--quiet");
        assertEquals(Main.DONE, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> names = new ArrayList<>();
        summary.path("parameter_names").forEach(n -> names.add(n.asText()));
        assertEquals(SHAPE.parameterNames(), names);
        assertEquals(List.of("w11", "w12", "w21"), names.subList(0, 3));
        assertEquals(List.of("w51", "w52", "b1_1", "b1_2", "W2_1", "W2_2", "b2"), names.subList(8, 15));
        assertTrue(Files.readString(out.resolve("run.paramnames")).contains("w52"));
        assertEquals(0, ParquetTable.read(out.resolve(Table.PREDICTIONS.folder() + ".parquet"),
                List.of("solution")).rows(), "no prediction grid beyond two inputs");
        CommandLineTestSupport.Outcome report = CommandLineTestSupport.execute("report", out.toString());
        assertEquals(Main.DONE, report.exitCode(), report.err());
        assertTrue(Files.size(out.resolve("report").resolve(RunFigures.FIGURE_1B_RELIABILITY)) > 0);
        assertFalse(Files.exists(out.resolve("report").resolve(RunFigures.FIGURE_1B)));
    }

    @Test
    void sweepOfTheShippedConfigurationAndItsReport() throws IOException {
        Path sweep = tmp.resolve("sweep");
        new SweepDriver(SharedSpark.session(), new PrintStream(OutputStream.nullOutputStream()), System.err)
                .run(SweepConfigReader.read(Path.of("conf/inputs5.yaml")), sweep.toString(), false);
        ParquetTable runs = ParquetTable.readFolder(sweep.resolve(Table.RUNS.folder()),
                List.of("train", "train_inputs", "status", "num_repeats"));
        assertEquals(4, runs.rows());
        for (int i = 0; i < runs.rows(); i++) {
            assertEquals("ok", runs.strings("status")[i]);
            assertEquals(5, runs.ints("train_inputs")[i]);
            assertEquals(5 * SHAPE.dimension(), runs.ints("num_repeats")[i], "the default is 5 x dimension");
        }
        assertEquals(List.of("parity-3-n96-d5-v0.5", "parity5"),
                List.of(runs.strings("train")).stream().distinct().sorted().toList());
        CommandLineTestSupport.Outcome report = CommandLineTestSupport.execute("report", sweep.toString());
        assertEquals(Main.DONE, report.exitCode(), report.err());
        assertTrue(Files.exists(sweep.resolve("report/report.html")));
    }

    @Test
    void badCsvFilesNameFileLineAndColumn() throws IOException {
        Path train = Files.writeString(tmp.resolve("train.csv"), "a,b,c,d,e,y\n1,2,3,4,5,1\n5,4,3,2,1,0\n");
        Path ragged = Files.writeString(tmp.resolve("ragged.csv"), "a,b,c,d,e,y\n1,2,3,4,5,1\n5,4,3,2,1\n");
        Path noLabel = Files.writeString(tmp.resolve("nolabel.csv"), "a,b,c,d,e,f\n1,2,3,4,5,1\n5,4,3,2,1,0\n");
        Path wide = Files.writeString(tmp.resolve("wide.csv"), "a,b,c,d,e,f,y\n1,2,3,4,5,6,1\n6,5,4,3,2,1,0\n");
        assertOneLine(run(ragged, null), ragged + ": line 3, column 6: expected 6 columns, found 5");
        assertOneLine(run(noLabel, null), noLabel + ": line 1, column 7: header is 'a,b,c,d,e,f': no label column");
        assertOneLine(run(train, wide), wide + ": line 1, column 6: 6 input columns, but the network takes 5");
    }

    private CommandLineTestSupport.Outcome run(Path train, Path test) {
        List<String> args = new ArrayList<>(List.of("run", "--data", train.toString(), "--prior", "full", "--out",
                tmp.resolve("o").toString(), "--quiet"));
        if (test != null) {
            args.addAll(List.of("--test", test.toString()));
        }
        return CommandLineTestSupport.execute(args.toArray(String[]::new));
    }

    private static void assertOneLine(CommandLineTestSupport.Outcome o, String contains) {
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(contains), o.err());
    }
}
