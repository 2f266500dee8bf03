package org.splitbnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.NoisyXorGenerator;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.data.Sha256;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code splitbnn data}: writes a noisy-XOR dataset drawn from a seed as CSV. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Write a noisy-XOR dataset (the paper's recipe by default) drawn from a seed, as CSV x1,x2,y.")
public final class DataCommand implements Callable<Integer> {

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

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException(out + " exists; use --force to replace it");
        }
        NoisyXorRecipe recipe = new NoisyXorRecipe(counts, noiseVariance);
        Dataset data = NoisyXorGenerator.generate(recipe, seed, out.getFileName().toString());
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".splitbnn-data-", ".csv.tmp");
        try {
            DatasetCsv.write(data, tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getOut().printf("%s: %d rows, seed %d, counts %s, noise variance %s, sha256 %s%n", out,
                data.size(), seed, recipe.counts(), noiseVariance, Sha256.ofFile(out));
        return 0;
    }
}
