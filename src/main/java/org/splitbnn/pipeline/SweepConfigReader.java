package org.splitbnn.pipeline;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.SamplerKind;

/**
 * Reads a sweep configuration (YAML), checks every key and value, and expands the grid into runs. Every problem is
 * reported as an {@link IllegalArgumentException} whose message names the file and the key. The configuration and
 * its CSV files are read through Hadoop's file systems (local paths, {@code hdfs://}, {@code s3a://}, ...); CSV paths
 * are relative to the configuration file's folder.
 */
public final class SweepConfigReader {

    /** Dataset names the generalisation table gives the training set and the pooled test sets. */
    private static final Set<String> RESERVED_TEST_NAMES = Set.of("train", "tests_pooled");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The configuration as the user named it, for messages. */
    private final String file;
    /** The configuration's folder, fully qualified, that CSV paths are relative to. */
    private final Path folder;
    private final Configuration conf;

    private SweepConfigReader(String file, Path folder, Configuration conf) {
        this.file = file;
        this.folder = folder;
        this.conf = conf;
    }

    /** Reads, checks and expands the configuration in the local {@code file}. */
    public static Sweep read(java.nio.file.Path file) throws IOException {
        return read(file.toString(), new Path(file.toAbsolutePath().toUri()), new Configuration());
    }

    /**
     * Reads, checks and expands the configuration at {@code location}, any Hadoop path (a local path, or a URI such
     * as {@code hdfs://namenode:8020/sweeps/paper.yaml}), with the file systems of {@code conf}.
     */
    public static Sweep read(String location, Configuration conf) throws IOException {
        return read(location, new Path(location), conf);
    }

    private static Sweep read(String location, Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        FileStatus status;
        try {
            status = fs.getFileStatus(qualified);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(location + ": no such sweep configuration");
        }
        if (status.isDirectory()) {
            throw new IllegalArgumentException(location + ": is a folder, not a sweep configuration");
        }
        String text;
        try (InputStream in = fs.open(qualified)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(location + ": empty sweep configuration");
        }
        return new SweepConfigReader(location, qualified.getParent(), conf).expand(parse(location, text), text);
    }

    private static SweepConfig parse(String file, String text) {
        try {
            SweepConfig config = YAML.readValue(text, SweepConfig.class);
            if (config == null) {
                throw new IllegalArgumentException(file + ": empty sweep configuration");
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            String parent = path(e).replaceAll("\\.?[^.\\[]+$", "");
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName() + "'"
                    + (parent.isEmpty() ? "" : " in '" + parent + "'") + "; known keys: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            String message = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll(" \\((but|set) .*", "");
            throw new IllegalArgumentException(file + ": " + line + "key '" + path(e) + "': " + message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private Sweep expand(SweepConfig c, String text) throws IOException {
        String name = required(c.name(), "name");
        check(NAME.matcher(name).matches(), "name", "use letters, digits, '.', '_' and '-', got '" + name + "'");
        int nlive = required(c.nlive(), "nlive");
        int nprior = c.nprior() == null ? 10 * nlive : c.nprior();
        check(nprior >= nlive, "nprior", "must be at least nlive (" + nlive + "), got " + nprior);
        check(c.numRepeats() == null || c.numRepeats() >= 1, "num_repeats", "must be at least 1, got "
                + c.numRepeats());
        SamplerKind sampler;
        try {
            sampler = c.sampler() == null ? SamplerKind.SLICE : SamplerKind.of(c.sampler());
        } catch (IllegalArgumentException e) {
            throw error("sampler", e.getMessage());
        }
        double prominence = c.prominence() == null ? 1e-3 : c.prominence();
        check(prominence > 0 && prominence < 1, "prominence", "must lie in (0, 1), got " + prominence);
        int samples = c.posteriorSamples() == null ? 1000 : c.posteriorSamples();
        check(samples >= 1, "posterior_samples", "must be at least 1, got " + samples);
        double gridStep = c.gridStep() == null ? 0.1 : c.gridStep();
        check(gridStep > 0 && Double.isFinite(gridStep), "grid_step", "must be positive, got " + gridStep);
        TableSelection outputs = c.outputs() == null ? new TableSelection(false, false) : c.outputs();
        int starts = c.baselines() == null ? Baselines.DEFAULT_STARTS : c.baselines().startsOrDefault();
        check(starts >= 0, "baselines.starts", "must be 0 (no baselines) or positive, got " + starts);
        ClaimSettings claims = claims(c.claims());
        List<SweepConfig.Block> blocks = c.blocks() == null
                ? List.of(new SweepConfig.Block(null, null, null, null, null, null))
                : nonEmpty(c.blocks(), "blocks");
        String version = SplitbnnVersion.current();
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        Grid grid = new Grid();
        Map<String, String> hashes = new HashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            SweepConfig.Block block = blocks.get(b);
            Keys k = new Keys(c.blocks() == null ? null : "blocks[" + b + "].", block);
            List<Integer> hidden = k.pick(block.hidden(), c.hidden(), "hidden") == null ? List.of(2)
                    : nonEmptyDistinct(k.pick(block.hidden(), c.hidden(), "hidden"), k.key("hidden"));
            for (int h : hidden) {
                check(h >= 1, k.key("hidden"), "needs at least 1 hidden unit, got " + h);
                int dim = new NetworkShape(h).dimension();
                check(nlive > dim, "nlive", "must exceed the number of parameters (" + dim + " for hidden " + h
                        + "), got " + nlive);
            }
            List<Double> widths = k.pick(block.priorHalfWidth(), c.priorHalfWidth(), "prior_half_width");
            List<Double> halfWidths = widths == null ? List.of(Prior.DEFAULT_HALF_WIDTH)
                    : nonEmptyDistinct(widths, k.key("prior_half_width"));
            List<String> priors = nonEmptyDistinct(required(k.pick(block.priors(), c.priors(), "priors"),
                    k.key("priors")), k.key("priors"));
            for (String prior : priors) {
                for (int h : hidden) {
                    for (double halfWidth : halfWidths) {
                        try {
                            Prior.parse(prior, halfWidth).checkApplicable(new NetworkShape(h));
                        } catch (IllegalArgumentException e) {
                            throw error(k.key("priors"), e.getMessage());
                        }
                    }
                }
            }
            List<Long> seeds = nonEmptyDistinct(required(k.pick(block.samplerSeeds(), c.samplerSeeds(),
                    "sampler_seeds"), k.key("sampler_seeds")), k.key("sampler_seeds"));
            String trainKey = k.key("train");
            List<DatasetSource> train = datasets(nonEmpty(required(k.pick(block.train(), c.train(), "train"),
                    trainKey), trainKey), trainKey, null);
            List<SweepConfig.DataItem> testItems = k.pick(block.tests(), c.tests(), "tests");
            String testsKey = k.key("tests");
            testItems = testItems == null ? List.of() : nonEmpty(testItems, testsKey);
            for (DatasetSource t : train) {
                String trainHash = hashes.computeIfAbsent(t.name(), n -> DatasetSource.contentHash(t.build()));
                List<DatasetSource> tests = datasets(testItems, testsKey, t);
                List<String> testKeys = new ArrayList<>();
                for (DatasetSource test : tests) {
                    check(!RESERVED_TEST_NAMES.contains(test.name()), testsKey, "a test set may not be named '"
                            + test.name() + "' (the generalisation table uses it); rename the file");
                    testKeys.add(test.name() + "=" + hashes.computeIfAbsent(test.name(),
                            n -> DatasetSource.contentHash(test.build())));
                }
                for (String prior : priors) {
                    for (double halfWidth : halfWidths) {
                        for (long seed : seeds) {
                            for (int h : hidden) {
                                int repeats = c.numRepeats() == null ? 5 * new NetworkShape(h).dimension()
                                        : c.numRepeats();
                                String id = RunIds.of(version, prior, halfWidth, h, nlive, nprior, repeats,
                                        sampler, seed, prominence, samples, gridStep, starts, t.name(), trainHash,
                                        testKeys, outputs);
                                runs.putIfAbsent(id, new RunSpec(id, prior, halfWidth, h, nlive, nprior, repeats,
                                        sampler, seed, prominence, samples, gridStep, starts, t, trainHash, tests,
                                        outputs));
                            }
                        }
                    }
                }
            }
            grid.add(priors, train.stream().map(DatasetSource::name).toList(), seeds, hidden);
        }
        Set<String> marked = new HashSet<>();
        if (c.figures() != null) {
            checkFigures(c.figures(), grid.priors, grid.train, grid.seeds, grid.hidden, outputs);
            runs.values().stream().filter(c.figures()::marks).forEach(r -> marked.add(r.runId()));
        }
        return new Sweep(name, List.copyOf(runs.values()), text, marked, claims);
    }

    /** The bootstrap settings of the {@code claims} key, defaults filled in. */
    private ClaimSettings claims(SweepConfig.ClaimsKey key) {
        long seed = key == null || key.seed() == null ? ClaimSettings.DEFAULT_SEED : key.seed();
        int resamples = key == null || key.resamples() == null ? ClaimSettings.DEFAULT_RESAMPLES : key.resamples();
        check(resamples >= 100, "claims.resamples", "must be at least 100, got " + resamples);
        return new ClaimSettings(seed, resamples, ClaimSettings.CONFIDENCE);
    }

    /**
     * Where a grid key of a block is read: the block's own value, else the top level's. An error names the block's
     * key when the block gives it.
     */
    private record Keys(String prefix, SweepConfig.Block block) {

        <T> T pick(T own, T top, String name) {
            return own != null ? own : top;
        }

        String key(String name) {
            if (prefix == null) {
                return name;
            }
            boolean own = switch (name) {
                case "priors" -> block.priors() != null;
                case "prior_half_width" -> block.priorHalfWidth() != null;
                case "sampler_seeds" -> block.samplerSeeds() != null;
                case "hidden" -> block.hidden() != null;
                case "train" -> block.train() != null;
                case "tests" -> block.tests() != null;
                default -> false;
            };
            return own ? prefix + name : name;
        }
    }

    /** The values each grid key takes in some block (the {@code figures} key must name values among them). */
    private static final class Grid {
        final List<String> priors = new ArrayList<>();
        final List<String> train = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();
        final List<Integer> hidden = new ArrayList<>();

        void add(List<String> p, List<String> t, List<Long> s, List<Integer> h) {
            p.stream().filter(v -> !priors.contains(v)).forEach(priors::add);
            t.stream().filter(v -> !train.contains(v)).forEach(train::add);
            s.stream().filter(v -> !seeds.contains(v)).forEach(seeds::add);
            h.stream().filter(v -> !hidden.contains(v)).forEach(hidden::add);
        }
    }

    /** Checks that every value of {@code figures} is in the grid and that the tables it needs are written. */
    private void checkFigures(FigureSelection figures, List<String> priors, List<String> train,
                              List<Long> seeds, List<Integer> hidden, TableSelection outputs) {
        check(outputs.posterior() && outputs.predictions(), "figures", "needs outputs: {posterior: true, "
                + "predictions: true} (the figures are drawn from those tables)");
        inGrid(figures.priors(), priors, "figures.priors", "priors");
        inGrid(figures.train(), train, "figures.train", "train");
        inGrid(figures.samplerSeeds(), seeds, "figures.sampler_seeds", "sampler_seeds");
        inGrid(figures.hidden(), hidden, "figures.hidden", "hidden");
    }

    private <T> void inGrid(List<T> selected, List<T> grid, String key, String gridKey) {
        if (selected == null) {
            return;
        }
        for (T v : nonEmptyDistinct(selected, key)) {
            check(grid.contains(v), key, "'" + v + "' is not in " + gridKey + " " + grid);
        }
    }

    /**
     * The datasets of the items under {@code key}. For test sets, {@code train} is the training set they serve:
     * an item with {@code same_recipe} generates its seeds with that training set's counts and noise.
     */
    private List<DatasetSource> datasets(List<SweepConfig.DataItem> items, String key, DatasetSource train)
            throws IOException {
        List<DatasetSource> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SweepConfig.DataItem item = items.get(i);
            String at = key + "[" + i + "]";
            check(item != null, at, "empty item; give csv, seed or seeds");
            int given = (item.csv() != null ? 1 : 0) + (item.seed() != null ? 1 : 0) + (item.seeds() != null ? 1 : 0);
            check(given == 1, at, "give exactly one of csv, seed or seeds");
            boolean same = Boolean.TRUE.equals(item.sameRecipe());
            if (item.csv() != null) {
                check(item.counts() == null && item.noiseVariance() == null && item.sameRecipe() == null, at,
                        "counts, noise_variance and same_recipe apply to generated data, not to csv");
                out.add(DatasetSource.Rows.of(readCsv(item.csv(), at + ".csv")));
                continue;
            }
            List<Long> itemSeeds = item.seed() != null ? List.of(item.seed())
                    : nonEmptyDistinct(item.seeds(), at + ".seeds");
            List<NoisyXorRecipe> recipes = new ArrayList<>();
            if (same) {
                check(train != null, at + ".same_recipe", "applies to test sets only");
                check(item.counts() == null && item.noiseVariance() == null, at,
                        "same_recipe takes the training set's counts and noise_variance; give neither");
                check(train instanceof DatasetSource.Generated, at + ".same_recipe", "the training set '"
                        + train.name() + "' is a CSV file and has no recipe to follow");
                DatasetSource.Generated g = (DatasetSource.Generated) train;
                recipes.add(new NoisyXorRecipe(g.counts(), g.noiseVariance()));
            } else {
                List<List<Integer>> counts = item.counts() == null ? List.of(NoisyXorRecipe.PAPER.counts())
                        : nonEmptyDistinct(item.counts(), at + ".counts");
                List<Double> noise = item.noiseVariance() == null ? List.of(NoisyXorRecipe.PAPER.noiseVariance())
                        : nonEmptyDistinct(item.noiseVariance(), at + ".noise_variance");
                for (List<Integer> cs : counts) {
                    for (double v : noise) {
                        try {
                            recipes.add(new NoisyXorRecipe(cs, v));
                        } catch (IllegalArgumentException e) {
                            throw error(at, e.getMessage());
                        }
                    }
                }
            }
            for (NoisyXorRecipe recipe : recipes) {
                for (long s : itemSeeds) {
                    out.add(new DatasetSource.Generated(generatedName(s, recipe), s, recipe.counts(),
                            recipe.noiseVariance()));
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (DatasetSource d : out) {
            check(names.add(d.name()), key, "two datasets are named '" + d.name() + "'; rename a file or drop a"
                    + " repeated seed");
        }
        return out;
    }

    private Dataset readCsv(String csv, String key) throws IOException {
        Path path;
        try {
            path = new Path(folder, csv);
        } catch (IllegalArgumentException e) {
            throw error(key, "not a path: '" + csv + "'");
        }
        String shown = "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
        FileSystem fs = path.getFileSystem(conf);
        check(fs.isFile(path), key, "no such file: " + shown + " (CSV paths are relative to the"
                + " configuration file's folder)");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            return DatasetCsv.read(in, shown, DatasetCsv.stem(path.getName()));
        } catch (IOException | IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /**
     * The name of a generated dataset: {@code xor-SEED}, followed by {@code -N1.N2.N3.N4} when its counts are not
     * the paper's and by {@code -vV} when its noise variance is not (e.g. {@code xor-7-15.50.5.40-v0.25}).
     */
    static String generatedName(long seed, NoisyXorRecipe recipe) {
        String name = "xor-" + seed;
        if (!recipe.counts().equals(NoisyXorRecipe.PAPER.counts())) {
            name += "-" + recipe.counts().stream().map(String::valueOf).collect(Collectors.joining("."));
        }
        if (recipe.noiseVariance() != NoisyXorRecipe.PAPER.noiseVariance()) {
            name += "-v" + recipe.noiseVariance();
        }
        return name;
    }

    private <T> List<T> nonEmpty(List<T> values, String key) {
        check(!values.isEmpty(), key, "must not be empty");
        for (T v : values) {
            check(v != null, key, "has an empty entry");
        }
        return values;
    }

    private <T> List<T> nonEmptyDistinct(List<T> values, String key) {
        nonEmpty(values, key);
        check(new HashSet<>(values).size() == values.size(), key, "has repeated values: " + values);
        return values;
    }

    private <T> T required(T value, String key) {
        check(value != null, key, "is required");
        return value;
    }

    private void check(boolean ok, String key, String message) {
        if (!ok) {
            throw error(key, message);
        }
    }

    private IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(file + ": key '" + key + "': " + message);
    }
}
