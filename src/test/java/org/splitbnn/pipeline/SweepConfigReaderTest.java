package org.splitbnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;
import org.splitbnn.sampler.SamplerKind;

class SweepConfigReaderTest {

    private static final String MINIMAL = """
            name: t
            nlive: 50
            priors: [full]
            sampler_seeds: [1]
            train: [{seed: 3}]
            """;

    @TempDir
    Path dir;

    @Test
    void smokeConfigExpandsToItsGrid() throws IOException {
        Sweep s = SweepConfigReader.read(Path.of("conf/smoke.yaml"));
        assertEquals("smoke", s.name());
        assertEquals(4, s.runs().size());
        assertEquals(4, new HashSet<>(s.runs().stream().map(RunSpec::runId).toList()).size());
        RunSpec first = s.runs().get(0);
        assertEquals("full", first.settings().prior());
        assertEquals(2, first.tests().size());
        assertEquals(200, first.settings().posteriorSamples());
        assertTrue(first.outputs().posterior() && first.outputs().predictions());
        assertEquals(s.runs().stream().map(RunSpec::runId).toList(),
                SweepConfigReader.read(Path.of("conf/smoke.yaml")).runs().stream().map(RunSpec::runId).toList(),
                "run ids are stable");
    }

    @Test
    void shippedConfigsAreValid() throws IOException {
        Sweep paper = SweepConfigReader.read(Path.of("conf/paper.yaml"));
        assertEquals(6, paper.runs().size());
        assertEquals("train", paper.runs().get(0).train().name());
        assertEquals(10, paper.runs().get(0).tests().size());
        assertEquals(10_000, paper.runs().get(0).settings().nprior());
        Sweep robustness = SweepConfigReader.read(Path.of("conf/robustness.yaml"));
        assertEquals(200, robustness.runs().size());
        assertEquals(50, robustness.runs().stream().map(r -> r.train().name()).distinct().count());
    }

    @Test
    void defaultsFollowThePaper() throws IOException {
        RunSpec r = read(MINIMAL).runs().get(0);
        assertEquals(500, r.settings().nprior());
        assertEquals(45, r.settings().numRepeats());
        assertEquals(2, r.settings().hidden());
        assertEquals(5.0, r.settings().priorHalfWidth());
        assertEquals(1e-3, r.settings().prominence());
        assertEquals(1000, r.settings().posteriorSamples());
        assertEquals(32, r.settings().baselineStarts());
        assertEquals(0, read(MINIMAL + "baseline_starts: 0\n").runs().get(0).settings().baselineStarts());
        assertEquals("xor-3", r.train().name());
        assertEquals(220, r.train().build().size());
        assertEquals("slice", r.settings().sampler());
        assertEquals(SamplerKind.SLICE, r.experiment().sampler().sampler());
    }

    @Test
    void csvPathsAreRelativeToTheConfigFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("d.csv"), "x1,x2,y\n0.5,0.5,1\n-0.5,0.5,0\n");
        Path file = sub.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("{seed: 3}", "{csv: ../d.csv}"));
        DatasetSource train = SweepConfigReader.read(file).runs().get(0).train();
        assertEquals("d", train.name());
        assertEquals(2, train.build().size());
    }

    @Test
    void theConfigAndItsCsvFilesAreReadThroughHadoopPaths() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("hadoop"));
        Files.writeString(sub.resolve("d.csv"), "x1,x2,y\n0.5,0.5,1\n-0.5,0.5,0\n");
        Path file = sub.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("{seed: 3}", "{csv: d.csv}"));
        String uri = file.toUri().toString();
        assertTrue(uri.startsWith("file:/"), uri);
        Sweep sweep = SweepConfigReader.read(uri, new Configuration());
        assertEquals(SweepConfigReader.read(file).runs().stream().map(RunSpec::runId).toList(),
                sweep.runs().stream().map(RunSpec::runId).toList(), "run ids hash the CSV's rows");
        assertEquals("d", sweep.runs().get(0).train().name());
        Files.writeString(file, MINIMAL.replace("{seed: 3}", "{csv: d.csv}") + "tests: [{csv: bad.csv}]\n");
        Files.writeString(sub.resolve("bad.csv"), "x1,x2,y\n0.5,0.5,2\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SweepConfigReader.read(uri, new Configuration()));
        assertTrue(bad.getMessage().startsWith(uri + ": key 'tests[0].csv': " + sub.resolve("bad.csv") + ": line 2"),
                bad.getMessage());
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class,
                () -> SweepConfigReader.read(sub.toUri().toString(), new Configuration()));
        assertTrue(folder.getMessage().endsWith("is a folder, not a sweep configuration"), folder.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SweepConfigReader.read(uri + ".missing", new Configuration()));
        assertEquals(uri + ".missing: no such sweep configuration", missing.getMessage());
    }

    @Test
    void runIdsDependOnEverySetting() throws IOException {
        String base = read(MINIMAL).runs().get(0).runId();
        assertNotEquals(base, read(MINIMAL + "nprior: 600\n").runs().get(0).runId());
        assertNotEquals(base, read(MINIMAL + "tests: [{seed: 4}]\n").runs().get(0).runId());
        assertNotEquals(base, read(MINIMAL + "baseline_starts: 8\n").runs().get(0).runId());
        assertNotEquals(base, read(MINIMAL.replace("{seed: 3}", "{seed: 3, noise_variance: 0.4}")).runs().get(0)
                .runId());
        assertEquals(base, read(MINIMAL.replace("name: t", "name: other")).runs().get(0).runId());
        assertEquals(base, read(MINIMAL + "sampler: slice\n").runs().get(0).runId(), "slice ids predate the key");
        RunSpec region = read(MINIMAL + "sampler: region\n").runs().get(0);
        assertNotEquals(base, region.runId());
        assertEquals(SamplerKind.REGION, region.experiment().sampler().sampler());
    }

    @Test
    void figuresMarkTheSelectedRunsAndLeaveRunIdsAlone() throws IOException {
        String grid = MINIMAL.replace("[full]", "[full, constrained]").replace("sampler_seeds: [1]",
                "sampler_seeds: [1, 2]").replace("{seed: 3}", "{seeds: [3, 4]}")
                + "outputs: {posterior: true, predictions: true}\n";
        Sweep plain = read(grid);
        assertTrue(plain.figureRuns().isEmpty(), "no figures by default");
        Sweep marked = read(grid + "figures: {priors: [constrained], sampler_seeds: [2], train: [xor-4]}\n");
        assertEquals(plain.runs(), marked.runs(), "the selection does not change run ids");
        assertEquals(List.of("constrained/xor-4/2"), marked.marked().stream()
                .map(r -> r.settings().prior() + "/" + r.train().name() + "/" + r.settings().samplerSeed()).toList());
        assertEquals(8, read(grid + "figures: {}\n").figureRuns().size(), "no sub-key: every run");
        assertEquals(4, read(grid + "figures: {hidden: [2], priors: [full]}\n").figureRuns().size());
    }

    @Test
    void badFigureSelectionsAreNamed() {
        String outputs = "outputs: {posterior: true, predictions: true}\n";
        assertError(MINIMAL + "figures: {priors: [full]}\n", "key 'figures': needs outputs");
        assertError(MINIMAL + "outputs: {posterior: true}\nfigures: {}\n", "key 'figures': needs outputs");
        assertError(MINIMAL + outputs + "figures: {prior: [full]}\n", "unknown key 'prior' in 'figures'");
        assertError(MINIMAL + outputs + "figures: {priors: [constrained]}\n",
                "key 'figures.priors': 'constrained' is not in priors [full]");
        assertError(MINIMAL + outputs + "figures: {train: [xor-4]}\n", "key 'figures.train': 'xor-4' is not in");
        assertError(MINIMAL + outputs + "figures: {sampler_seeds: [9]}\n", "key 'figures.sampler_seeds'");
        assertError(MINIMAL + outputs + "figures: {hidden: [3]}\n", "key 'figures.hidden'");
        assertError(MINIMAL + outputs + "figures: {priors: []}\n", "key 'figures.priors': must not be empty");
        assertError(MINIMAL + outputs + "figures: {priors: [full, full]}\n", "key 'figures.priors': has repeated");
        assertError(MINIMAL + outputs + "figures: {sampler_seeds: [one]}\n", "key 'figures.sampler_seeds");
    }

    @Test
    void badKeysAndValuesAreNamed() {
        assertError(MINIMAL + "nlivee: 3\n", "unknown key 'nlivee'");
        assertError(MINIMAL + "baseline_starts: -1\n", "key 'baseline_starts': baseline starts must be 0");
        assertError(MINIMAL + "baselines: {starts: 3}\n", "unknown key 'baselines'");
        assertError(MINIMAL + "outputs: {posterior: true, samples: 3}\n", "unknown key 'samples' in 'outputs'");
        assertError(MINIMAL.replace("nlive: 50", "nlive: 5"), "key 'nlive': nlive must exceed");
        assertError(MINIMAL.replace("nlive: 50", "nlive: fifty"), "key 'nlive'");
        assertError(MINIMAL.replace("priors: [full]\n", ""), "key 'priors': is required");
        assertError(MINIMAL.replace("[full]", "full"), "key 'priors': expected a list such as [full, constrained], "
                + "got 'full'");
        assertError(MINIMAL.replace("nlive: 50", "nlive: 1000000000"), "key 'nlive': the default nprior = 10 x nlive"
                + " = 10000000000 exceeds the largest int");
        assertError(MINIMAL.replace("nlive: 50", "nlive: 3000000000"), "key 'nlive': must fit a 32-bit integer");
        assertError(MINIMAL.replace("nlive: 50", "nlive: 10000000"), "key 'nlive': 32 x nlive x dimension");
        assertError(MINIMAL.replace("nlive: 50", "nlive:\t50"), "not valid YAML at line 2");
        assertError(MINIMAL.replace("sampler_seeds: [1]", "sampler_seeds: 1"), "key 'sampler_seeds': expected a list");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: [3]}"), "key 'train[0].seed': expected an integer");
        assertError("- a\n- b\n", "expected keys such as name, nlive, priors; got a list");
        assertError(MINIMAL + "nprior: 10\n", "key 'nprior'");
        assertError(MINIMAL.replace("[full]", "[fully]"), "key 'priors': unknown prior 'fully'");
        assertError(MINIMAL.replace("[full]", "[constrained]") + "hidden: [3]\n", "key 'priors'");
        assertError(MINIMAL.replace("sampler_seeds: [1]", "sampler_seeds: [1, 1]"), "key 'sampler_seeds'");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, seeds: [4]}"), "key 'train[0]'");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, counts: [1, 2, 3]}"), "key 'train[0]'");
        assertError(MINIMAL.replace("{seed: 3}", "{csv: nowhere.csv}"), "key 'train[0].csv': no such file");
        assertError(MINIMAL + "prominence: 2\n", "key 'prominence'");
        assertError(MINIMAL + "sampler: gibbs\n", "key 'sampler': sampler must be one of [slice, region]");
        assertError(MINIMAL.replace("name: t", "name: a b"), "key 'name'");
        assertError("", "empty sweep configuration");
    }

    @Test
    void factorsAreCrossed() throws IOException {
        Sweep s = read(MINIMAL.replace("{seed: 3}", "{seeds: {from: 1, to: 3}, counts: [[15, 50, 5, 40],"
                + " [30, 100, 10, 80]], noise_variance: [0.25, 0.5]}") + "prior_half_width: [5, 3]\n");
        assertEquals(3 * 2 * 2 * 2, s.runs().size());
        List<String> names = s.runs().stream().map(r -> r.train().name()).distinct().toList();
        assertEquals(List.of("xor-1-15.50.5.40-v0.25", "xor-2-15.50.5.40-v0.25", "xor-3-15.50.5.40-v0.25",
                "xor-1-15.50.5.40", "xor-2-15.50.5.40", "xor-3-15.50.5.40",
                "xor-1-v0.25", "xor-2-v0.25", "xor-3-v0.25", "xor-1", "xor-2", "xor-3"), names);
        assertEquals(List.of(5.0, 3.0), s.runs().stream().map(r -> r.settings().priorHalfWidth()).distinct().toList());
        DatasetSource.Generated small = (DatasetSource.Generated) s.runs().get(0).train();
        assertEquals(List.of(15, 50, 5, 40), small.counts());
        assertEquals(0.25, small.noiseVariance());
        assertEquals(110, small.build().size());
        assertEquals(8, s.runs().stream().map(RunSpec::runId).distinct().count() / 3);
    }

    @Test
    void testSetsCanFollowTheTrainingRecipe() throws IOException {
        Sweep s = read(MINIMAL.replace("{seed: 3}", "{seed: 3, counts: [[15, 50, 5, 40], [30, 100, 10, 80]],"
                + " noise_variance: 1.0}") + "tests: {same_recipe: true, seeds: {from: 1001, to: 1002}}\n");
        assertEquals(2, s.runs().size());
        assertEquals(List.of("xor-1001-15.50.5.40-v1.0", "xor-1002-15.50.5.40-v1.0"),
                s.runs().get(0).tests().stream().map(DatasetSource::name).toList());
        assertEquals(List.of("xor-1001-v1.0", "xor-1002-v1.0"),
                s.runs().get(1).tests().stream().map(DatasetSource::name).toList());
        assertEquals(110, s.runs().get(0).tests().get(0).build().size());
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, same_recipe: true}"),
                "key 'train[0].same_recipe': applies to test sets only");
        assertError(MINIMAL + "tests: [{seed: 4, same_recipe: true, noise_variance: 1}]\n",
                "key 'tests[0]': same_recipe takes the training set's counts");
    }

    @Test
    void blocksAreUnitedAndShareRuns() throws IOException {
        Sweep s = read("""
                name: t
                nlive: 50
                sampler_seeds: [1]
                blocks:
                  - {priors: [full, constrained], train: [{seeds: {from: 1, to: 3}}]}
                  - {priors: [full], hidden: [2, 3], train: [{seeds: [2, 3, 4]}]}
                """);
        // block 1: 3 sets x 2 priors; block 2: 3 sets x 2 widths, of which sets 2 and 3 at hidden 2 are block 1's
        assertEquals(6 + 6 - 2, s.runs().size());
        assertEquals(4, s.runs().stream().filter(r -> r.settings().hidden() == 3 || r.train().name().equals("xor-4")).count());
        assertError("""
                name: t
                nlive: 50
                sampler_seeds: [1]
                train: [{seed: 1}]
                blocks:
                  - {priors: [constrained], hidden: [3]}
                """, "key 'blocks[0].priors'");
        assertError("""
                name: t
                nlive: 50
                sampler_seeds: [1]
                blocks:
                  - {priors: [full]}
                """, "key 'train': is required");
    }

    @Test
    void samplerSettingsAreGridFactorsAtTheTopAndPerBlock() throws IOException {
        Sweep s = read("""
                name: t
                nlive: [50, 80]
                sampler: [slice, region]
                priors: [full]
                sampler_seeds: [1]
                train: [{seed: 3}]
                blocks:
                  - {}
                  - {nlive: [80, 120], num_repeats: [18, 45]}
                """);
        // block 1: 2 nlive x 2 samplers; block 2: 2 nlive x 2 repeats x 2 samplers, of which nlive 80 at the
        // default 45 (5 x dimension 9) is block 1's
        assertEquals(4 + 8 - 2, s.runs().size());
        assertEquals(Set.of(50, 80, 120), s.runs().stream().map(r -> r.settings().nlive()).collect(Collectors.toSet()));
        assertEquals(Set.of(18, 45), s.runs().stream().map(r -> r.settings().numRepeats())
                .collect(Collectors.toSet()));
        assertEquals(10, s.runs().stream().map(r -> r.condition().sampling()).distinct().count(),
                "a run's condition carries its sampler settings, one per run here");
        assertError(MINIMAL + "num_repeats: [18, 18]\n", "key 'num_repeats': has repeated values");
        assertError(MINIMAL + "sampler: [slice, bogus]\n", "key 'sampler'");
    }

    @Test
    void claimsKeyAndBadRanges() throws IOException {
        assertEquals(2000, read(MINIMAL).claims().resamples());
        assertEquals(7, read(MINIMAL + "claims: {seed: 7, resamples: 500}\n").claims().seed());
        assertError(MINIMAL + "claims: {resamples: 10}\n", "key 'claims.resamples': must be at least 100");
        assertError(MINIMAL.replace("{seed: 3}", "{seeds: {from: 5, to: 4}}"), "key 'train[0].seeds'");
        assertError(MINIMAL.replace("{seed: 3}", "{seeds: {from: 5}}"), "expected a list of integers or a range");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, counts: [[1, 2, 3, 4], [1, 2]]}"), "key 'train[0]'");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, counts: [a, b, c, d]}"), "expected four integers");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, noise_variance: [0.5, 0.5]}"),
                "key 'train[0].noise_variance': has repeated");
        assertError(MINIMAL + "prior_half_width: [5, -1]\n", "key 'prior_half_width': must be positive");
    }

    @Test
    void toyGeneratorsExpandToOneDatasetPerSeedSizeAndNoise() throws IOException {
        Sweep sweep = read(MINIMAL.replace("{seed: 3}", "{generator: parity, inputs: 5, size: [40, 64], seeds: [7, 8]}"
                + ", {generator: moons, seed: 2, noise_variance: [0.01, 0.04]}"));
        List<String> names = sweep.runs().stream().map(r -> r.train().name()).toList();
        assertEquals(List.of("parity-7-n40-d5-v0.5", "parity-8-n40-d5-v0.5", "parity-7-n64-d5-v0.5",
                "parity-8-n64-d5-v0.5", "moons-2-n200-v0.01", "moons-2-n200-v0.04"), names);
        RunSpec parity = sweep.runs().get(0);
        assertEquals(5, parity.settings().inputs());
        assertEquals(5 * parity.settings().shape().dimension(), parity.settings().numRepeats());
        assertEquals(ToyGenerator.generate(new ToyRecipe(ToyRecipe.PARITY, 40, 5, 0.5), 7, "parity-7-n40-d5-v0.5"),
                parity.train().build());
        assertEquals(2, sweep.runs().get(4).settings().inputs());
        Sweep same = read(MINIMAL.replace("{seed: 3}", "{generator: blobs, inputs: 3, size: 30, seed: 1}")
                + "tests: [{same_recipe: true, seeds: [5]}]\n");
        assertEquals("blobs-5-n30-d3-v0.5", same.runs().get(0).tests().get(0).name());
    }

    @Test
    void badToyItemsAndInputMismatchesAreNamed() {
        assertError(MINIMAL.replace("{seed: 3}", "{generator: rings, seed: 3}"),
                "key 'train[0].generator': unknown generator 'rings'");
        assertError(MINIMAL.replace("{seed: 3}", "{generator: moons, seed: 3, counts: [1, 2, 3, 4]}"),
                "key 'train[0].counts': applies to xor");
        assertError(MINIMAL.replace("{seed: 3}", "{generator: moons, seed: 3, inputs: 3}"),
                "key 'train[0]': moons has 2 inputs");
        assertError(MINIMAL.replace("{seed: 3}", "{seed: 3, size: 50}"), "key 'train[0]': size and inputs apply");
        assertError(MINIMAL.replace("{seed: 3}", "{generator: parity, inputs: 3, seed: 3}")
                + "tests: [{seed: 4}]\n", "key 'tests': the test set 'xor-4' has 2 input columns, but the network "
                + "takes 3");
        assertError(MINIMAL.replace("{seed: 3}", "{generator: parity, inputs: 3, seed: 3}")
                + "outputs: {posterior: true, predictions: true}\nfigures: {}\n", "key 'figures': the run figures draw"
                + " prediction maps over two inputs; the training set 'parity-3-n200-d3-v0.5' has 3");
        assertError(MINIMAL.replace("{seed: 3}", "{generator: parity, inputs: 3, seed: 3}").replace("[full]",
                "[constrained]"), "key 'priors': prior 'constrained' constrains the square 2x2 input weight matrix");
    }

    private void assertError(String yaml, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected
                + "'");
        assertTrue(e.getMessage().startsWith(dir.resolve("c.yaml").toString()), e.getMessage());
    }

    private Sweep read(String yaml) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return SweepConfigReader.read(file);
    }

    @Test
    void nullsAndSeveralDocumentsAreRefusedAndScalarAliasesResolved() throws IOException {
        assertError(MINIMAL + "nprior: null\n", "key 'nprior': has no value (null)");
        assertError(MINIMAL + "nprior:\n", "key 'nprior': has no value (null)");
        assertError(MINIMAL + "hidden: [2, ~]\n", "key 'hidden[1]': has no value (null)");
        assertError(MINIMAL + "---\n" + MINIMAL, "holds more than one YAML document (another starts at line");
        Sweep aliased = read(MINIMAL.replace("nlive: 50", "nlive: &n 50") + "nprior: *n\n");
        assertEquals(50, aliased.runs().get(0).settings().nprior());
        assertError(MINIMAL + "nprior: *m\n", "not valid YAML at line 6, column 9: found undefined alias m");
        for (String shipped : List.of("paper", "robustness", "smoke", "study", "study-quick")) {
            assertTrue(SweepConfigReader.read(Path.of("conf/" + shipped + ".yaml")).runs().size() > 0, shipped);
        }
    }

    @Test
    void anAliasBombOrDeepNestingIsRefusedNamingTheFile() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = String.valueOf((char) (c - 1));
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ",
                    Collections.nCopies(9, "*" + prev))).append("]\n");
        }
        assertError(bomb + MINIMAL, "not read as YAML: Number of aliases for non-scalar nodes exceeds");
        assertError(MINIMAL + "nprior: " + "[".repeat(5000) + "]".repeat(5000) + "\n", "not read as YAML: Nesting");
    }

    @Test
    void yamlsSpecialFloatsAreReadAndRefusedByKey() {
        assertError(MINIMAL + "grid_step: .nan\n", "key 'grid_step'");
        assertError(MINIMAL + "prior_half_width: .inf\n", "key 'prior_half_width'");
        assertError(MINIMAL + "prior_half_width: -.Inf\n", "key 'prior_half_width'");
    }

    @Test
    void aGridTooFineIsRefusedBeforeAnythingIsWritten() {
        assertError(MINIMAL + "grid_step: 0.0001\n", "key 'grid_step': grid step 1.0E-4 gives");
        assertError(MINIMAL + "grid_step: 0.0001\n", "prediction grid cells over the training set 'xor-3', "
                + "more than 10000000");
    }

    @Test
    void aTestSetNamedLikeItsTrainingSetIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.copy(Path.of("data/dev/train.csv"), dir.resolve("a/t.csv"));
        Files.copy(Path.of("data/dev/test_01.csv"), dir.resolve("b/t.csv"));
        assertError(MINIMAL.replace("{seed: 3}", "{csv: a/t.csv}") + "tests: [{csv: b/t.csv}]\n",
                "key 'tests': the test set 't' has the name of the training set it serves");
    }
}
