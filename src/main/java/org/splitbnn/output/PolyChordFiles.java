package org.splitbnn.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitbnn.analysis.ModeReport;
import org.splitbnn.sampler.ClusterSummary;
import org.splitbnn.sampler.Problem;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.WeightedPoints;

/**
 * A run in PolyChordLite's file format, so that anesthetic ({@code read_chains(dir + "/run")}) and other PolyChord
 * readers can read it:
 * <ul>
 *   <li>{@code <root>_dead-birth.txt}: one line per dead point, in order of death: the physical parameters, then
 *       logL, then logL_birth, the contour the point was born on. This is PolyChord's layout ({@code params...,
 *       logL, logL_birth}; anesthetic splits the last two columns off). Points drawn from the prior are born on
 *       PolyChord's logzero, -1e30;</li>
 *   <li>{@code <root>_phys_live-birth.txt}: the final live points in the same layout (anesthetic merges them with
 *       the dead points);</li>
 *   <li>{@code <root>.paramnames}: one line per parameter, its name and a LaTeX label;</li>
 *   <li>{@code <root>.stats}: the global and local evidences and run-time counts in the layout of PolyChordLite's
 *       stats file. Deviation: local evidences are listed by rank (largest first), not in cluster-creation order;
 *       {@code nlike} counts calls inside the prior's support, as PolyChord's does, and {@code nequals} is the number
 *       of equally weighted samples of the full posterior in posterior.parquet.</li>
 * </ul>
 * Numbers are written with 17 significant digits, so they read back exactly.
 */
public final class PolyChordFiles {

    /** The file root, as PolyChord's {@code file_root}. */
    public static final String ROOT = "run";

    private static final Pattern NAME = Pattern.compile("([A-Za-z]+)([0-9_]+)");

    private PolyChordFiles() {
    }

    /** Writes the four files into {@code dir}. */
    public static void write(Path dir, SamplerResult run, List<ModeReport> modes, int equalWeightSamples)
            throws IOException {
        WeightedPoints p = run.posterior();
        int dead = Math.toIntExact(run.nDead());
        writePoints(dir.resolve(ROOT + "_dead-birth.txt"), p, 0, dead);
        writePoints(dir.resolve(ROOT + "_phys_live-birth.txt"), p, dead, p.size());
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(ROOT + ".paramnames"),
                StandardCharsets.UTF_8)) {
            for (String name : run.parameterNames()) {
                out.write(name + "      " + latex(name) + "\n");
            }
        }
        Files.writeString(dir.resolve(ROOT + ".stats"), stats(run, modes, equalWeightSamples),
                StandardCharsets.UTF_8);
    }

    /** A LaTeX label for a parameter name: letters, then the digits and underscores as a subscript (b1_2: b_{1,2}). */
    static String latex(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return name.replace("_", "\\_");
        }
        String sub = m.group(2).replaceAll("^_+", "").replace('_', ',');
        return m.group(1) + "_{" + sub + "}";
    }

    private static void writePoints(Path file, WeightedPoints p, int from, int to) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int i = from; i < to; i++) {
                line.setLength(0);
                for (int j = 0; j < p.dimension(); j++) {
                    line.append(number(p.theta(i, j)));
                }
                line.append(number(p.logL()[i]));
                double birth = p.logLBirth()[i];
                line.append(number(birth > Problem.LOG_ZERO ? birth : Problem.LOG_ZERO));
                out.append(line).append('\n');
            }
        }
    }

    private static String stats(SamplerResult run, List<ModeReport> modes, int equalWeightSamples) {
        StringBuilder s = new StringBuilder();
        s.append("Evidence estimates:\n===================\n");
        s.append("  - The evidence Z is a log-normally distributed, with location and scale parameters mu and sigma.\n");
        s.append("  - We denote this as log(Z) = mu +/- sigma.\n\n");
        s.append("Global evidence:\n----------------\n\n");
        s.append("log(Z)       = ").append(number(run.logZ())).append(" +/- ").append(number(run.logZErr()))
                .append("\n\n\n");
        s.append("Local evidences:\n----------------\n\n");
        int active = 0;
        for (ModeReport m : modes) {
            ClusterSummary c = run.clusters().get(m.mode() - 1);
            active += c.active() ? 1 : 0;
            s.append(String.format(Locale.ROOT, "log(Z_%2d)  = ", m.mode())).append(number(m.localLogZ()))
                    .append(" +/- ").append(number(m.localLogZErr())).append(c.active() ? " (Still Active)" : "")
                    .append('\n');
        }
        s.append("\n\nRun-time information:\n---------------------\n\n");
        s.append(String.format(Locale.ROOT, " ncluster:   %8d /%8d\n", active, modes.size()));
        s.append(String.format(Locale.ROOT, " nposterior: %8d\n", run.posterior().size()));
        s.append(String.format(Locale.ROOT, " nequals:    %8d\n", equalWeightSamples));
        s.append(String.format(Locale.ROOT, " ndead:      %8d\n", run.nDead()));
        s.append(String.format(Locale.ROOT, " nlive:      %8d\n", run.settings().nlive()));
        s.append(String.format(Locale.ROOT, " nlike:      %8d\n", run.nLikelihood()));
        s.append("\n\nDim No.       Mean        Sigma\n");
        double[] mean = run.posterior().mean();
        double[] sd = run.posterior().sd();
        for (int j = 0; j < mean.length; j++) {
            s.append(String.format(Locale.ROOT, "%-3d", j + 1)).append(number(mean[j])).append(" +/- ")
                    .append(number(sd[j])).append('\n');
        }
        return s.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%25.16E", v);
    }
}
