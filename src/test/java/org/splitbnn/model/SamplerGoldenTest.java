package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.Sha256;
import org.splitbnn.sampler.ClusterSummary;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.Problem;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;
import org.splitbnn.sampler.WeightedPoints;
import org.splitbnn.sampler.validation.ValidationProblem;
import org.splitbnn.sampler.validation.ValidationProblems;

/**
 * The sampler's exact bits on fixed runs: every validation problem (slice sampling, and the region sampler on the two
 * mixtures of modes), and the paper's network on {@code data/paper/train.csv} under both priors, all at nlive 100.
 * Each run's log Z and its error (as IEEE bits), likelihood calls, dead points and a SHA-256 of everything else the
 * result holds (posterior, modes, mode posteriors, log F, KL) must equal {@code sampler-golden.csv}. A change that
 * is meant to move the numbers replaces that file with the lines the failure prints. The kernels give the same bits
 * at every vector width and without the Vector API (their own tests check that), so the values hold on any machine.
 * It lives in {@code model} because it runs the network's likelihood.
 */
@Tag("slow")
class SamplerGoldenTest {

    private static final String GOLDEN = "sampler-golden.csv";
    private static final String HEADER = "run,log_z_bits,log_z_err_bits,n_likelihood,n_dead,sha256";
    private static final int NLIVE = 100;
    private static final long SEED = 1;

    @Test
    void everyRunGivesItsRecordedBits() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (ValidationProblem vp : ValidationProblems.all()) {
            lines.add(line(vp.name() + "/slice", vp.problem(), SamplerKind.SLICE));
        }
        for (String name : List.of("mixture2", "sparse2")) {
            lines.add(line(name + "/region", ValidationProblems.byName(name).problem(), SamplerKind.REGION));
        }
        Dataset train = DatasetCsv.read(Path.of("data", "paper", "train.csv"));
        for (String prior : List.of("full", "constrained")) {
            BnnProblem problem = new BnnProblem(train, 2, Prior.parse(prior, Prior.DEFAULT_HALF_WIDTH));
            lines.add(line("paper-" + prior + "/slice", problem, SamplerKind.SLICE));
        }
        String actual = String.join("\n", lines) + "\n";
        assertEquals(golden(), actual, "the sampler's bits changed; if that is meant, " + GOLDEN + " becomes:\n"
                + actual);
    }

    private static String golden() throws IOException {
        try (InputStream in = SamplerGoldenTest.class.getResourceAsStream(GOLDEN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String line(String name, Problem problem, SamplerKind kind) throws IOException {
        SamplerSettings settings = SamplerSettings.defaults(problem.dimension(), SEED).withNlive(NLIVE)
                .withNprior(10 * NLIVE).withSampler(kind);
        SamplerResult r = NestedSampler.run(problem, settings, ProgressListener.QUIET);
        return String.format(Locale.ROOT, "%s,%016x,%016x,%d,%d,%s", name, Double.doubleToLongBits(r.logZ()),
                Double.doubleToLongBits(r.logZErr()), r.nLikelihood(), r.nDead(), Sha256.of(rest(r)));
    }

    /** Every number of a result but the wall time, the settings and the four fields of its line. */
    private static byte[] rest(SamplerResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeDouble(r.logPriorVolumeFraction());
        out.writeDouble(r.logPriorVolumeFractionErr());
        out.writeDouble(r.klDivergence());
        out.writeLong(r.nOutsideSupport());
        out.writeLong(r.nPriorDraws());
        out.writeInt(r.nClusters());
        WeightedPoints p = r.posterior();
        doubles(out, p.theta());
        doubles(out, p.logL());
        doubles(out, p.logLBirth());
        ints(out, p.cluster());
        doubles(out, p.logWeight());
        for (ClusterSummary c : r.clusters()) {
            out.writeInt(c.id());
            ints(out, c.leaves().stream().mapToInt(Integer::intValue).toArray());
            out.writeBoolean(c.active());
            out.writeDouble(c.logZ());
            out.writeDouble(c.logZErr());
            out.writeDouble(c.weightErr());
            out.writeInt(c.nDead());
        }
        for (SamplerResult.ModePosterior m : r.modePosteriors()) {
            ints(out, m.rows());
            doubles(out, m.logWeight());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void doubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }
}
