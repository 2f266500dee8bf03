package org.splitbnn.pipeline;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.data.ToyRecipe;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.output.WorkChecks;

/**
 * Reads a sweep configuration (YAML), checks every key and value, and expands the grid into runs. The run settings'
 * keys, types, defaults and checks are those of {@link RunSettings} (a setting with a grid key takes a list, one run
 * family per value); the other keys are those of {@link SweepConfig}. Every problem is reported as an
 * {@link IllegalArgumentException} whose message names the file and the key. The configuration and its CSV files are
 * read through Hadoop's file systems (local paths, {@code hdfs://}, {@code s3a://}, ...); CSV paths are relative to
 * the configuration file's folder.
 */
public final class SweepConfigReader {

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
        return new SweepConfigReader(location, qualified.getParent(), conf).expand(text);
    }

    /** The keys of a configuration: those of {@link SweepConfig} and those of the run settings. */
    private static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(List.of("name", "train", "tests", "outputs", "figures", "claims",
                "blocks"));
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            keys.add(yamlKey(s));
        }
        return keys.stream().sorted().toList();
    }

    /** The configuration key of a setting: its grid key (a list of values) or its key (one value). */
    private static String yamlKey(RunSettings.Setting s) {
        return s.gridKey() != null ? s.gridKey() : s.key();
    }

    private JsonNode parse(String text) throws IOException {
        JsonNode root;
        try {
            root = YamlTree.read(YAML, text, file);
        } catch (JsonProcessingException e) {
            // SnakeYAML's message: what it was doing, what it found, and where ("line N, column M") it found it
            List<String> lines = e.getOriginalMessage().lines().map(String::strip).toList();
            java.util.regex.Matcher where = Pattern.compile("line (\\d+), column (\\d+)")
                    .matcher(String.join(" ", lines));
            String at = null;
            while (where.find()) {
                at = "line " + where.group(1) + ", column " + where.group(2);
            }
            if (at == null && e.getLocation() != null) {
                at = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            }
            String problem = lines.stream().filter(l -> l.startsWith("found") || l.startsWith("expected"))
                    .findFirst().orElse(lines.isEmpty() ? "" : lines.get(0)).replace("\t", "\\t");
            throw new IllegalArgumentException(file + ": not valid YAML" + (at == null ? "" : " at " + at) + ": "
                    + problem);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(file + ": empty sweep configuration");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": expected keys such as name, nlive, priors; got "
                    + describe(root));
        }
        String empty = firstNull(root, "");
        if (empty != null) {
            throw error(empty, "has no value (null); give one, or leave the key out for its default");
        }
        List<String> known = knownKeys();
        root.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown key '" + k + "'; known keys: "
                        + String.join(", ", known));
            }
        });
        return root;
    }

    /** The key (as {@code a.b[2]}) of the first null value under {@code n}, or null when there is none. */
    private static String firstNull(JsonNode n, String at) {
        if (n.isNull()) {
            return at;
        }
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            String found = firstNull(n.get(i), at + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        for (var it = n.fields(); n.isObject() && it.hasNext(); ) {
            var field = it.next();
            String found = firstNull(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private SweepConfig config(ObjectNode rest) {
        try {
            return YAML.treeToValue(rest, SweepConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String parent = path(e).replaceAll("\\.?[^.\\[]+$", "");
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName() + "'"
                    + (parent.isEmpty() ? "" : " in '" + parent + "'") + "; known keys: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            String message = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll(" \\((but|set) .*", "");
            java.util.regex.Matcher type = Pattern.compile("Cannot (deserialize value of type|construct instance of)"
                    + " `([^`]*)`.*").matcher(message);
            if (type.matches()) {
                message = "expected " + typeInWords(type.group(2));
            }
            throw new IllegalArgumentException(file + ": key '" + path(e) + "': " + message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
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

    /** A Java type of the configuration's records in words. */
    private static String typeInWords(String javaType) {
        String simple = javaType.replaceAll("<.*", "").replaceAll(".*[.$]", "");
        return switch (simple) {
            case "List", "ArrayList" -> "a list [...]";
            case "Long", "long", "Integer", "int" -> "an integer";
            case "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a name";
            default -> "keys {...}";
        };
    }

    private static String describe(JsonNode n) {
        return n.isArray() ? "a list" : n.isObject() ? "keys {...}" : "'" + n.asText() + "'";
    }

    /** A scalar of a setting's type, or an error naming {@code key}. */
    private Object scalar(JsonNode n, Class<?> type, String key) {
        if (type == String.class && n.isTextual()) {
            return n.asText();
        } else if (type == Integer.class && n.isIntegralNumber()) {
            check(n.canConvertToInt(), key, "must fit a 32-bit integer (at most " + Integer.MAX_VALUE + "), got "
                    + n.asText());
            return n.intValue();
        } else if (type == Long.class && n.isIntegralNumber()) {
            check(n.canConvertToLong(), key, "must fit a 64-bit integer, got " + n.asText());
            return n.longValue();
        } else if (type == Double.class && n.isNumber()) {
            return n.doubleValue();
        }
        throw error(key, "expected " + RunSettings.typeName(type) + ", got " + describe(n));
    }

    private Sweep expand(String text) throws IOException {
        ObjectNode root = (ObjectNode) parse(text);
        JsonNode blocksNode = root.remove("blocks");
        Map<String, Object> single = new LinkedHashMap<>();
        Map<RunSettings.Setting, JsonNode> topGrid = new LinkedHashMap<>();
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            JsonNode n = root.remove(yamlKey(s));
            if (s.gridKey() == null) {
                if (n != null && !n.isNull()) {
                    single.put(s.key(), scalar(n, s.type(), s.key()));
                }
            } else {
                topGrid.put(s, n);
            }
        }
        SweepConfig c = config(root);
        String name = required(c.name(), "name");
        check(NAME.matcher(name).matches(), "name", "use letters, digits, '.', '_' and '-', got '" + name + "'");
        TableSelection outputs = c.outputs() == null ? new TableSelection(false, false) : c.outputs();
        ClaimSettings claims = claims(c.claims());
        List<ObjectNode> blocks = new ArrayList<>();
        if (blocksNode == null || blocksNode.isNull()) {
            blocks.add(YAML.createObjectNode());
        } else {
            check(blocksNode.isArray() && !blocksNode.isEmpty(), "blocks", "expected a list of blocks {...}, got "
                    + describe(blocksNode));
            for (int b = 0; b < blocksNode.size(); b++) {
                check(blocksNode.get(b).isObject(), "blocks[" + b + "]", "expected keys {...}, got "
                        + describe(blocksNode.get(b)));
                blocks.add(((ObjectNode) blocksNode.get(b)).deepCopy());
            }
        }
        String version = SplitbnnVersion.current();
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        Map<RunSettings.Setting, List<Object>> union = new LinkedHashMap<>();
        topGrid.keySet().forEach(s -> union.put(s, new ArrayList<>()));
        List<String> trainNames = new ArrayList<>();
        Map<String, Integer> trainInputs = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            ObjectNode block = blocks.get(b);
            String prefix = blocksNode == null || blocksNode.isNull() ? "" : "blocks[" + b + "].";
            Map<RunSettings.Setting, List<Object>> grid = new LinkedHashMap<>();
            Map<String, String> keys = new HashMap<>();
            for (Map.Entry<RunSettings.Setting, JsonNode> t : topGrid.entrySet()) {
                RunSettings.Setting s = t.getKey();
                JsonNode own = block.remove(s.gridKey());
                String key = (own != null ? prefix : "") + s.gridKey();
                keys.put(s.key(), key);
                grid.put(s, gridValues(s, own != null ? own : t.getValue(), key));
            }
            SweepConfig.Block datasets = block(block, prefix);
            List<RunSettings> blockSettings = new ArrayList<>();
            String trainKey = (datasets.train() != null ? prefix : "") + "train";
            List<SweepConfig.DataItem> trainItems = datasets.train() != null ? datasets.train() : c.train();
            List<DatasetSource> train = datasets(nonEmpty(required(trainItems, trainKey), trainKey), trainKey, null);
            String testsKey = (datasets.tests() != null ? prefix : "") + "tests";
            List<SweepConfig.DataItem> testItems = datasets.tests() != null ? datasets.tests() : c.tests();
            testItems = testItems == null ? List.of() : nonEmpty(testItems, testsKey);
            for (DatasetSource t : train) {
                Dataset trainData = t.build();
                List<RunSettings> settings = settings(single, grid, keys, trainData.inputs());
                blockSettings.addAll(settings);
                String trainHash = hashes.computeIfAbsent(t.name(), n -> DatasetSource.contentHash(trainData));
                for (RunSettings s : settings) {
                    try {
                        WorkChecks.checkGrid(s, trainData, "'" + t.name() + "'");
                    } catch (IllegalArgumentException e) {
                        throw error("grid_step", e.getMessage());
                    }
                }
                List<DatasetSource> tests = datasets(testItems, testsKey, t);
                List<String> testKeys = new ArrayList<>();
                for (DatasetSource test : tests) {
                    if (test.build().inputs() != trainData.inputs()) {
                        throw error(testsKey, "the test set '" + test.name() + "' has " + test.build().inputs()
                                + " input columns, but the network takes " + trainData.inputs() + " (those of the "
                                + "training set '" + t.name() + "')");
                    }
                    check(!GeneralisationRow.RESERVED_DATASETS.contains(test.name()), testsKey, "a test set may not be "
                            + "named '" + test.name() + "' (the generalisation table uses it); rename the file");
                    check(!test.name().equals(t.name()), testsKey, "the test set '" + test.name() + "' has the name "
                            + "of the training set it serves, so their generalisation rows cannot be told apart; "
                            + "rename one file");
                    testKeys.add(test.name() + "=" + hashes.computeIfAbsent(test.name(),
                            n -> DatasetSource.contentHash(test.build())));
                }
                for (RunSettings s : settings) {
                    String id = RunIds.of(version, s, t.name(), trainHash, testKeys, outputs);
                    runs.putIfAbsent(id, new RunSpec(id, s, t, trainHash, tests, outputs));
                }
                if (!trainNames.contains(t.name())) {
                    trainNames.add(t.name());
                }
                trainInputs.put(t.name(), trainData.inputs());
            }
            for (RunSettings s : blockSettings) {
                union.forEach((setting, values) -> {
                    Object v = setting.value().apply(s);
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                });
            }
        }
        Set<String> marked = new HashSet<>();
        if (c.figures() != null) {
            checkFigures(c.figures(), union, trainNames, outputs);
            for (String train : c.figures().train() == null ? trainNames : c.figures().train()) {
                check(trainInputs.get(train) == 2, "figures", "the run figures draw prediction maps over two inputs;"
                        + " the training set '" + train + "' has " + trainInputs.get(train) + " (leave it out with"
                        + " figures.train)");
            }
            runs.values().stream().filter(c.figures()::marks).forEach(r -> marked.add(r.runId()));
        }
        return new Sweep(name, List.copyOf(runs.values()), text, marked, claims);
    }

    /**
     * The values of grid setting {@code s} from its configuration node {@code n} (null: the default): a list, or,
     * for a setting whose grid key is its key ({@code prior_half_width}, {@code nlive}, ...), also a single value.
     */
    private List<Object> gridValues(RunSettings.Setting s, JsonNode n, String key) {
        List<Object> values = new ArrayList<>();
        if (n == null || n.isNull()) {
            values.add(null);
        } else if (!n.isArray() && s.gridKey().equals(s.key())) {
            values.add(scalar(n, s.type(), key));
        } else {
            check(n.isArray(), key, "expected a list such as [" + example(s) + "], got " + describe(n));
            for (int i = 0; i < n.size(); i++) {
                values.add(scalar(n.get(i), s.type(), key + "[" + i + "]"));
            }
            nonEmptyDistinct(values, key);
        }
        return values;
    }

    /**
     * Every combination of the grid's values with the single settings for a network of {@code inputs}, checked;
     * errors name {@code keys}.
     */
    private List<RunSettings> settings(Map<String, Object> single, Map<RunSettings.Setting, List<Object>> grid,
                                       Map<String, String> keys, int inputs) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(single);
        for (Map.Entry<RunSettings.Setting, List<Object>> g : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object v : g.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    if (v != null) {
                        m.put(g.getKey().key(), v);
                    }
                    next.add(m);
                }
            }
            combinations = next;
        }
        List<RunSettings> settings = new ArrayList<>();
        for (Map<String, Object> m : combinations) {
            try {
                settings.add(RunSettings.of(m, inputs));
            } catch (RunSettings.SettingException e) {
                throw error(keys.getOrDefault(e.key(), yamlKey(RunSettings.setting(e.key()))), e.problem());
            }
        }
        return settings;
    }

    /** The datasets of a block (what is left of it once its grid settings are taken out). */
    private SweepConfig.Block block(ObjectNode rest, String prefix) {
        List<String> known = new ArrayList<>(List.of("train", "tests"));
        RunSettings.SETTINGS.stream().filter(s -> s.gridKey() != null).forEach(s -> known.add(s.gridKey()));
        rest.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown key '" + k + "' in '" + prefix.replaceAll("\\.$",
                        "") + "'; a block takes " + String.join(", ", known.stream().sorted().toList()));
            }
        });
        try {
            return YAML.treeToValue(rest, SweepConfig.Block.class);
        } catch (JsonMappingException e) {
            String message = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(" \\((but|set) .*", "");
            throw new IllegalArgumentException(file + ": key '" + prefix + path(e) + "': " + message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** The bootstrap settings of the {@code claims} key, defaults filled in. */
    private ClaimSettings claims(SweepConfig.ClaimsKey key) {
        long seed = key == null || key.seed() == null ? ClaimSettings.DEFAULT_SEED : key.seed();
        int resamples = key == null || key.resamples() == null ? ClaimSettings.DEFAULT_RESAMPLES : key.resamples();
        check(resamples >= 100, "claims.resamples", "must be at least 100, got " + resamples);
        return new ClaimSettings(seed, resamples, ClaimSettings.CONFIDENCE);
    }

    /** An example value of a grid setting for messages. */
    private static String example(RunSettings.Setting s) {
        return switch (s.key()) {
            case "prior" -> "full, constrained";
            case "hidden" -> "2";
            default -> "1, 2";
        };
    }

    /** Checks that every value of {@code figures} is in the grid and that the tables it needs are written. */
    private void checkFigures(FigureSelection figures, Map<RunSettings.Setting, List<Object>> grid,
                              List<String> train, TableSelection outputs) {
        check(outputs.posterior() && outputs.predictions(), "figures", "needs outputs: {posterior: true, "
                + "predictions: true} (the figures are drawn from those tables)");
        inGrid(figures.priors(), values(grid, "prior"), "figures.priors", "priors");
        inGrid(figures.train(), train, "figures.train", "train");
        inGrid(figures.samplerSeeds(), values(grid, "sampler_seed"), "figures.sampler_seeds", "sampler_seeds");
        inGrid(figures.hidden(), values(grid, "hidden"), "figures.hidden", "hidden");
    }

    /** The grid's values of a setting, its default when the configuration does not list it. */
    private static List<Object> values(Map<RunSettings.Setting, List<Object>> grid, String key) {
        List<Object> v = grid.get(RunSettings.setting(key));
        return v.size() == 1 && v.get(0) == null
                ? List.of(RunSettings.of(Map.of("prior", "full"), NetworkShape.PAPER.inputs()).get(key)) : v;
    }

    private <T> void inGrid(List<T> selected, List<?> grid, String key, String gridKey) {
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
            boolean toy = item.generator() != null && !item.generator().equals(NoisyXorRecipe.GENERATOR);
            if (item.csv() != null) {
                check(item.counts() == null && item.noiseVariance() == null && item.sameRecipe() == null
                        && item.generator() == null && item.size() == null && item.inputs() == null, at,
                        "generator, counts, size, inputs, noise_variance and same_recipe apply to generated data, "
                        + "not to csv");
                out.add(DatasetSource.Rows.of(readCsv(item.csv(), at + ".csv"), item.csv()));
                continue;
            }
            List<Long> itemSeeds = item.seed() != null ? List.of(item.seed())
                    : nonEmptyDistinct(item.seeds(), at + ".seeds");
            if (toy || same && train instanceof DatasetSource.Toy) {
                for (ToyRecipe recipe : toyRecipes(item, at, train)) {
                    for (long s : itemSeeds) {
                        out.add(new DatasetSource.Toy(toyName(s, recipe), s, recipe));
                    }
                }
                continue;
            }
            check(item.size() == null && item.inputs() == null, at, "size and inputs apply to the toy generators ("
                    + String.join(", ", ToyRecipe.GENERATORS) + "); xor takes counts");
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

    /** The toy recipes of an item (its generator's, or with same_recipe the training set's). */
    private List<ToyRecipe> toyRecipes(SweepConfig.DataItem item, String at, DatasetSource train) {
        if (Boolean.TRUE.equals(item.sameRecipe())) {
            check(item.generator() == null && item.size() == null && item.inputs() == null
                    && item.noiseVariance() == null && item.counts() == null, at,
                    "same_recipe takes the training set's recipe; give no generator, size, inputs or noise_variance");
            return List.of(((DatasetSource.Toy) train).recipe());
        }
        check(item.counts() == null, at + ".counts", "applies to xor; generator " + item.generator() + " takes size");
        String generator = item.generator();
        check(ToyRecipe.GENERATORS.contains(generator), at + ".generator", ToyRecipe.unknownGenerator(generator));
        List<Integer> sizes = item.size() == null ? List.of(ToyRecipe.DEFAULT_SIZE)
                : nonEmptyDistinct(item.size(), at + ".size");
        List<Double> noise = item.noiseVariance() == null ? List.of(ToyRecipe.defaultNoiseVariance(generator))
                : nonEmptyDistinct(item.noiseVariance(), at + ".noise_variance");
        int inputs = item.inputs() == null ? 2 : item.inputs();
        List<ToyRecipe> recipes = new ArrayList<>();
        for (int size : sizes) {
            for (double v : noise) {
                try {
                    recipes.add(new ToyRecipe(generator, size, inputs, v));
                } catch (IllegalArgumentException e) {
                    throw error(at, e.getMessage());
                }
            }
        }
        return recipes;
    }

    /**
     * The name of a toy dataset: {@code GENERATOR-SEED-nSIZE}, then {@code -dD} for parity and blobs and
     * {@code -vV}, the noise variance (e.g. {@code parity-7-n200-d5-v0.5}).
     */
    static String toyName(long seed, ToyRecipe recipe) {
        return recipe.generator() + "-" + seed + "-n" + recipe.size()
                + (ToyRecipe.takesInputs(recipe.generator()) ? "-d" + recipe.inputs() : "")
                + "-v" + recipe.noiseVariance();
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
        try (InputStream in = fs.open(path)) {
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
