package org.splitbnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.splitbnn.analysis.Experiment;
import org.splitbnn.analysis.ExperimentResult;
import org.splitbnn.analysis.ExperimentSpec;
import org.splitbnn.analysis.ModeReport;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.Sha256;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.output.DataSource;
import org.splitbnn.output.OutputDirectory;
import org.splitbnn.output.RunOutput;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code splitbnn run}: one experiment end to end: fully marginalises the network on a training set, then writes the
 * evidence, the modes and how each prominent mode and the full posterior generalise into an output directory.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Fully marginalise the 2-N-1 network on a dataset with nested sampling and write the evidence, "
                + "the modes and their generalisation to --out (summary.json and Parquet files).")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training set, CSV x1,x2,y.")
    Path data;

    @Option(names = "--test", description = "Test set, CSV x1,x2,y (repeatable).")
    List<Path> tests = new ArrayList<>();

    @Option(names = "--prior", required = true, description = "full, constrained or constrained-transform.")
    String prior;

    @Option(names = "--prior-half-width", defaultValue = "5",
            description = "Half-width a of the uniform(-a, a) box (default: ${DEFAULT-VALUE}).")
    double priorHalfWidth;

    @Option(names = "--hidden", defaultValue = "2", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--nlive", defaultValue = "1000", description = "Live points (default: ${DEFAULT-VALUE}).")
    int nlive;

    @Option(names = "--nprior", description = "Initial prior draws (default: 10 x nlive).")
    Integer nprior;

    @Option(names = "--num-repeats", description = "Slice-sampling steps per new point (default: 5 x dimension).")
    Integer numRepeats;

    @Option(names = "--seed", defaultValue = "1", description = "The run's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prominence", defaultValue = "1e-3",
            description = "A mode is prominent when its local evidence exceeds this fraction of the largest "
                    + "(default: ${DEFAULT-VALUE}).")
    double prominence;

    @Option(names = "--posterior-samples", defaultValue = "1000",
            description = "Equally weighted samples per solution (default: ${DEFAULT-VALUE}).")
    int posteriorSamples;

    @Option(names = "--grid-step", defaultValue = "0.1",
            description = "Spacing of the prediction grid (default: ${DEFAULT-VALUE}).")
    double gridStep;

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @Option(names = "--force", description = "Replace an output directory that is not empty.")
    boolean force;

    @Option(names = "--polychord-files", description = "Also write PolyChord's run_dead-birth.txt, "
            + "run_phys_live-birth.txt, run.paramnames and run.stats (readable by anesthetic).")
    boolean polychordFiles;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(tests);
        inputs.add(0, data);
        OutputDirectory.checkReplaceable(out, force, inputs, RunOutput.OWN_FILES);
        OutputDirectory.checkWritable(out);
        List<DataSource> sources = new ArrayList<>();
        Dataset train = read(data, "train", sources);
        List<Dataset> testSets = new ArrayList<>();
        for (Path t : tests) {
            testSets.add(read(t, "test", sources));
        }
        ExperimentSpec experiment = new ExperimentSpec(train, testSets, prior, priorHalfWidth, hidden,
                settings(), prominence, posteriorSamples, gridStep);
        Experiment.problem(experiment);
        ProgressListener progress = quiet ? ProgressListener.QUIET : ProgressListener.stderr("run: ");
        ExperimentResult result = Experiment.run(experiment, progress);
        RunOutput.write(out, result, sources, SplitbnnVersion.current(), force, polychordFiles);
        printSummary(result);
        return 0;
    }

    private SamplerSettings settings() {
        int dimension = new NetworkShape(hidden).dimension();
        SamplerSettings s = SamplerSettings.defaults(dimension, seed).withNlive(nlive)
                .withNprior(nprior != null ? nprior : 10 * nlive);
        return numRepeats != null ? s.withNumRepeats(numRepeats) : s;
    }

    private static Dataset read(Path file, String role, List<DataSource> sources) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(role + " data file " + file + " does not exist or is not a file");
        }
        Dataset d = DatasetCsv.read(file);
        sources.add(new DataSource(role, d.name(), file.toString(), Sha256.ofFile(file), d.size()));
        return d;
    }

    private void printSummary(ExperimentResult r) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: prior %s, log Z %.3f +- %.3f (log F %.4f, box %.3f), %d clusters, %d prominent, "
                        + "%d likelihood calls, %.1f s%n", out, prior, r.sampler().logZ(), r.sampler().logZErr(),
                r.sampler().logPriorVolumeFraction(), r.sampler().logZ() + r.sampler().logPriorVolumeFraction(),
                r.modes().size(), r.prominentModes(), r.sampler().nLikelihood(), r.sampler().wallSeconds());
        for (ModeReport m : r.modes()) {
            if (m.prominent()) {
                o.printf(Locale.ROOT, "  mode %d: local log Z %.3f +- %.3f, weight %.4f%n", m.mode(), m.localLogZ(),
                        m.localLogZErr(), m.weight());
            }
        }
        o.flush();
    }
}
