package org.splitbnn.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.data.Sha256;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;
import org.splitbnn.output.OutputDirectory;
import org.splitbnn.output.OutputWriteException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code splitbnn data}: writes a dataset drawn from a seed as CSV: noisy XOR (the paper's recipe by default) or one
 * of the toy problems of {@link ToyRecipe}. A file is replaced whole (written beside
 * it, then renamed over it, with the mode the umask gives a new file); a device or pipe is written into, never
 * replaced; {@code -} is standard output.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Write a dataset drawn from a seed, as CSV x1,...,xD,y: noisy XOR (the paper's recipe by "
                + "default) or a toy problem (--generator).")
public final class DataCommand implements Callable<Integer> {

    /** The {@code --out} value that names standard output. */
    static final String STDOUT = "-";

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", required = true, description = "Noise seed.")
    long seed;

    @Option(names = "--counts", split = ",", defaultValue = "30,100,10,80",
            description = "Points around (1,1), (-1,-1), (1,-1), (-1,1) (default: ${DEFAULT-VALUE}).")
    List<Integer> counts;

    @Option(names = "--noise-variance", defaultValue = "0.5",
            description = "Variance of the Gaussian noise on each coordinate (default: ${DEFAULT-VALUE}).")
    double noiseVariance;

    @Option(names = "--generator", defaultValue = NoisyXorRecipe.GENERATOR,
            description = "xor (the paper's noisy XOR; --counts), parity, moons, circles, spirals or blobs "
                    + "(--size, --inputs) (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--size", defaultValue = "200", description = "Rows of a toy problem (not xor) (default: "
            + "${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--inputs", defaultValue = "2", description = "Inputs of parity and blobs (default: "
            + "${DEFAULT-VALUE}).")
    int inputs;

    @Option(names = "--out", required = true, description = "CSV file to write; a device or pipe is written into, "
            + "- is standard output.")
    String out;

    @Option(names = "--force", description = "Replace an existing regular file (never a folder, device or pipe).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (out.isEmpty()) {
            throw new IllegalArgumentException("option --out: an empty path; name the CSV file to write, or "
                    + STDOUT + " for standard output");
        }
        if (!STDOUT.equals(out)) {
            try {
                OutputDirectory.checkLocal(out);
            } catch (IllegalArgumentException e) {
                throw badOut(e);
            }
        }
        Path file = STDOUT.equals(out) ? null : Path.of(out);
        if (file != null && Files.isDirectory(file)) {
            throw new IllegalArgumentException("option --out " + out + ": is a folder; name the CSV file to write");
        }
        boolean stream = file == null || Files.exists(file) && !Files.isRegularFile(file);
        if (!stream && Files.exists(file) && !force) {
            throw new IllegalArgumentException(out + " exists; use --force to replace it");
        }
        ToyRecipe toy = toyRecipe();
        NoisyXorRecipe recipe = toy == null ? recipe() : null;
        if (!stream) {
            try {
                OutputDirectory.checkWritable(file);
            } catch (IllegalArgumentException e) {
                throw badOut(e);
            }
        }
        String name = file == null ? "stdout" : file.getFileName().toString();
        Dataset data = toy == null ? NoisyXorGenerator.generate(recipe, seed, name)
                : ToyGenerator.generate(toy, seed, name);
        byte[] csv = DatasetCsv.text(data).getBytes(StandardCharsets.UTF_8);
        if (file == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(new String(csv, StandardCharsets.UTF_8));
            o.flush();
        } else if (stream) {
            writeInto(file, csv);
        } else {
            replace(Files.isSymbolicLink(file) ? file.toRealPath() : file, csv);
        }
        PrintWriter report = stream ? spec.commandLine().getErr() : spec.commandLine().getOut();
        report.printf("%s: %d rows, seed %d, %s, noise variance %s, sha256 %s%n", out, data.size(), seed,
                toy == null ? "counts " + recipe.counts() : toy.generator() + " with " + toy.inputs() + " inputs",
                toy == null ? noiseVariance : toy.noiseVariance(), Sha256.of(csv));
        report.flush();
        return Main.DONE;
    }

    private IllegalArgumentException badOut(IllegalArgumentException e) {
        return new IllegalArgumentException("option --out '" + out + "': " + e.getMessage());
    }

    /**
     * The toy recipe of the options, or null for xor; its noise variance is {@code --noise-variance} when given,
     * else the generator's default. A bad value is reported by its option.
     */
    private ToyRecipe toyRecipe() {
        if (generator.equals(NoisyXorRecipe.GENERATOR)) {
            return null;
        }
        if (!ToyRecipe.GENERATORS.contains(generator)) {
            throw new IllegalArgumentException("option --generator: " + ToyRecipe.unknownGenerator(generator));
        }
        boolean noiseGiven = spec.findOption("--noise-variance").originalStringValues().size() > 0;
        try {
            return new ToyRecipe(generator, size, inputs, noiseGiven ? noiseVariance
                    : ToyRecipe.defaultNoiseVariance(generator));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option --generator " + generator + ": " + e.getMessage());
        }
    }

    /** The recipe of the options; a bad value is reported by its option. */
    private NoisyXorRecipe recipe() {
        try {
            new NoisyXorRecipe(NoisyXorRecipe.PAPER.counts(), noiseVariance);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option --noise-variance: " + e.getMessage());
        }
        try {
            return new NoisyXorRecipe(counts, noiseVariance);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option --counts: " + e.getMessage());
        }
    }

    /** Writes into a device or pipe, which is never replaced. */
    private void writeInto(Path target, byte[] csv) {
        try (OutputStream o = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            o.write(csv);
        } catch (IOException e) {
            throw new OutputWriteException(out, e);
        }
    }

    /** Replaces a regular file (or creates it) whole: written beside it, then renamed over it. */
    private void replace(Path target, byte[] csv) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.write(tmp, csv, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OutputWriteException(out, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the temporary file is hidden beside the output; the error above, if any, is the one to report
            }
        }
    }
}
