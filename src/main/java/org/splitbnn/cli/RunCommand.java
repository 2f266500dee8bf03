package org.splitbnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.splitbnn.analysis.Experiment;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.ExperimentSpec;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.DatasetNames;
import org.splitbnn.data.Sha256;
import org.splitbnn.output.DataSource;
import org.splitbnn.output.OutputDirectory;
import org.splitbnn.output.RunOutput;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.output.WorkChecks;
import org.splitbnn.pipeline.DatasetSource;
import org.splitbnn.pipeline.RunIds;
import org.splitbnn.pipeline.TableSelection;
import org.splitbnn.sampler.ProgressListener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code splitbnn run}: one experiment end to end: fully marginalises the network on a training set, then writes the
 * evidence, the modes and how each prominent mode and the full posterior generalise into an output directory. One
 * option per run setting ({@link RunSettings#SETTINGS}), added by {@link SettingOptions}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = RunCommand.SettingOptions.class,
        description = "Fully marginalise the D-N-1 network on a dataset with nested sampling and write the evidence, "
                + "the modes and their generalisation to --out (summary.json and Parquet files).")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training set, CSV x1,...,xD,y (D: the network's "
            + "inputs).")
    Path data;

    @Option(names = "--test", description = "Test set, CSV with the training set's number of inputs (repeatable).")
    List<Path> tests = new ArrayList<>();

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @Option(names = "--force", description = "Replace an output directory that splitbnn wrote (never the current "
            + "directory, an ancestor of it, or a folder holding an input).")
    boolean force;

    @Option(names = "--polychord-files", description = "Also write PolyChord's run_dead-birth.txt, "
            + "run_phys_live-birth.txt, run.paramnames and run.stats (readable by anesthetic).")
    boolean polychordFiles;

    @Option(names = "--quiet", description = "No progress lines or warnings on stderr.")
    boolean quiet;

    /** Adds one option per run setting, with its type, description and default, to the {@code run} command. */
    public static final class SettingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (RunSettings.Setting s : RunSettings.SETTINGS) {
                List<String> names = new ArrayList<>(List.of(s.option()));
                if (s.alias() != null) {
                    names.add(s.alias());
                }
                command.addOption(OptionSpec.builder(names.toArray(String[]::new)).type(s.type())
                        .paramLabel(s.key().toUpperCase(Locale.ROOT))
                        .required(s.defaultText() == null)
                        .description(s.description() + (s.defaultText() == null ? "."
                                : " (default: " + s.defaultText() + ")."))
                        .build());
            }
            return command;
        }
    }

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(tests);
        inputs.add(0, data);
        checkOut(inputs);
        List<DataSource> sources = new ArrayList<>();
        Dataset train = read(data, DataSource.TRAIN, DatasetCsv.stem(data.getFileName().toString()), sources);
        RunSettings settings = settings(train.inputs());
        WorkChecks.checkMemory(settings, Runtime.getRuntime().maxMemory(), "the heap (-Xmx, SPLITBNN_JAVA_OPTS)");
        Set<String> taken = new HashSet<>(GeneralisationRow.RESERVED_DATASETS);
        taken.add(train.name());
        List<String> testNames = DatasetNames.distinct(tests, taken);
        List<Dataset> testSets = new ArrayList<>();
        List<String> testKeys = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            Dataset d = read(tests.get(i), DataSource.TEST, testNames.get(i), sources);
            WorkChecks.checkInputs(d, tests.get(i).toString(), train, data.toString());
            testSets.add(d);
            testKeys.add(d.name() + "=" + DatasetSource.contentHash(d));
        }
        try {
            WorkChecks.checkGrid(settings, train, data.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + RunSettings.setting("grid_step").option() + ": "
                    + e.getMessage());
        }
        ExperimentSpec experiment = settings.experiment(train, testSets);
        Experiment.problem(experiment);
        if (!quiet) {
            WorkChecks.warnings(settings, train).forEach(w -> warn("warning: " + w));
        }
        String runId = RunIds.of(SplitbnnVersion.current(), settings, train.name(), DatasetSource.contentHash(train),
                testKeys, new TableSelection(true, true));
        ProgressListener progress = quiet ? ProgressListener.QUIET : ProgressListener.stderr("run: ");
        ExperimentResult result;
        try {
            result = Experiment.run(experiment, progress);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("out of memory while sampling (heap " + Runtime.getRuntime().maxMemory()
                    / (1 << 20) + " MB); raise -Xmx (SPLITBNN_JAVA_OPTS) or lower --nlive or --nprior");
        }
        RunOutput.write(out, runId, settings, result, sources, SplitbnnVersion.current(), force, polychordFiles);
        printSummary(result, settings);
        return Main.DONE;
    }

    /** Throws unless {@code --out} names a folder that can be written and (re)placed, naming the option. */
    private void checkOut(List<Path> inputs) throws IOException {
        String given = spec.findOption("--out").originalStringValues().get(0);
        try {
            OutputDirectory.checkLocal(given);
            OutputDirectory.checkReplaceable(out, force, inputs, RunOutput.OWN_FILES);
            OutputDirectory.checkWritable(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option --out '" + given + "': " + e.getMessage());
        }
    }

    /** The run settings from the options given for a network of {@code inputs}; a bad one is named by its option. */
    private RunSettings settings(int inputs) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            OptionSpec o = spec.findOption(s.option());
            if (o.getValue() != null) {
                given.put(s.key(), o.getValue());
            }
        }
        try {
            return RunSettings.of(given, inputs);
        } catch (RunSettings.SettingException e) {
            throw new IllegalArgumentException("option " + RunSettings.setting(e.key()).option() + ": "
                    + e.problem());
        }
    }

    private void warn(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("splitbnn run: " + line);
        err.flush();
    }

    /** Reads the data file {@code file} as the dataset {@code name} and records it in {@code sources}. */
    private static Dataset read(Path file, String role, String name, List<DataSource> sources) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(role + " data file " + file + " does not exist or is not a file");
        }
        Dataset d;
        try (InputStream in = Files.newInputStream(file)) {
            d = DatasetCsv.read(in, file.toString(), name);
        }
        sources.add(new DataSource(role, d.name(), file.toString(), Sha256.ofFile(file), d.size()));
        return d;
    }

    private void printSummary(ExperimentResult r, RunSettings settings) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: prior %s, log Z %.3f +- %.3f (log F %.4f, box %.3f), %d leaves, %d modes, "
                        + "%d prominent, %d functions, %d likelihood calls, %.1f s%n", out, settings.prior(),
                r.sampler().logZ(),
                r.sampler().logZErr(), r.sampler().logPriorVolumeFraction(),
                r.sampler().logZ() + r.sampler().logPriorVolumeFraction(), r.sampler().nClusters(), r.modes().size(),
                r.prominentModes(), r.distinctFunctions(), r.sampler().nLikelihood(), r.sampler().wallSeconds());
        for (ModeReport m : r.modes()) {
            if (m.prominent()) {
                o.printf(Locale.ROOT, "  mode %d: local log Z %.3f +- %.3f, weight %.4f%n", m.mode(), m.localLogZ(),
                        m.localLogZErr(), m.weight());
            }
        }
        o.flush();
    }
}
