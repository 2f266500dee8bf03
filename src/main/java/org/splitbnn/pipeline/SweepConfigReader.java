package org.splitbnn.pipeline;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.splitbnn.output.SplitbnnVersion;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.data.NoisyXorRecipe;
import org.splitbnn.output.RunSettings;

/**
 * Reads a sweep configuration (YAML), checks every key and value, and expands the grid into runs. The run settings'
 * keys, types, defaults and checks are those of {@link RunSettings} (a setting with a grid key takes a list, one run
 * family per value); the other keys are those of {@link SweepConfig}. Every problem is reported as an
 * {@link IllegalArgumentException} whose message names the file and the key. The configuration and its CSV files are
 * read through Hadoop's file systems (local paths, {@code hdfs://}, {@code s3a://}, ...); CSV paths are relative to
 * the configuration file's folder.
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
        return new SweepConfigReader(location, qualified.getParent(), conf).expand(text);
    }

    /** The keys of a configuration: those of {@link SweepConfig} and those of the run settings. */
    private static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(List.of("name", "train", "tests", "outputs", "figures"));
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            keys.add(yamlKey(s));
        }
        return keys.stream().sorted().toList();
    }

    /** The configuration key of a setting: its grid key (a list of values) or its key (one value). */
    private static String yamlKey(RunSettings.Setting s) {
        return s.gridKey() != null ? s.gridKey() : s.key();
    }

    private JsonNode parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
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
        List<String> known = knownKeys();
        root.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown key '" + k + "'; known keys: "
                        + String.join(", ", known));
            }
        });
        return root;
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
        Map<String, Object> single = new LinkedHashMap<>();
        Map<RunSettings.Setting, List<Object>> grid = new LinkedHashMap<>();
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            JsonNode n = root.remove(yamlKey(s));
            if (s.gridKey() == null) {
                if (n != null && !n.isNull()) {
                    single.put(s.key(), scalar(n, s.type(), s.key()));
                }
                continue;
            }
            List<Object> values = new ArrayList<>();
            if (n == null || n.isNull()) {
                values.add(null);
            } else {
                check(n.isArray(), s.gridKey(), "expected a list such as [" + example(s) + "], got " + describe(n));
                for (int i = 0; i < n.size(); i++) {
                    values.add(scalar(n.get(i), s.type(), s.gridKey() + "[" + i + "]"));
                }
                nonEmptyDistinct(values, s.gridKey());
            }
            grid.put(s, values);
        }
        SweepConfig c = config(root);
        String name = required(c.name(), "name");
        check(NAME.matcher(name).matches(), "name", "use letters, digits, '.', '_' and '-', got '" + name + "'");
        TableSelection outputs = c.outputs() == null ? new TableSelection(false, false) : c.outputs();
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
                settings.add(RunSettings.of(m));
            } catch (RunSettings.SettingException e) {
                throw error(yamlKey(RunSettings.setting(e.key())), e.problem());
            }
        }
        List<DatasetSource> train = datasets(nonEmpty(required(c.train(), "train"), "train"), "train");
        List<DatasetSource> tests = c.tests() == null ? List.of() : datasets(c.tests(), "tests");
        for (DatasetSource t : tests) {
            check(!RESERVED_TEST_NAMES.contains(t.name()), "tests", "a test set may not be named '" + t.name()
                    + "' (the generalisation table uses it); rename the file");
        }
        List<String> testKeys = new ArrayList<>();
        for (DatasetSource t : tests) {
            testKeys.add(t.name() + "=" + DatasetSource.contentHash(t.build()));
        }
        String version = SplitbnnVersion.current();
        List<RunSpec> runs = new ArrayList<>();
        for (DatasetSource t : train) {
            String trainHash = DatasetSource.contentHash(t.build());
            for (RunSettings s : settings) {
                runs.add(new RunSpec(RunIds.of(version, s, t.name(), trainHash, testKeys, outputs), s, t, trainHash,
                        tests, outputs));
            }
        }
        Set<String> marked = new HashSet<>();
        if (c.figures() != null) {
            checkFigures(c.figures(), grid, train, outputs);
            runs.stream().filter(c.figures()::marks).forEach(r -> marked.add(r.runId()));
        }
        return new Sweep(name, runs, text, marked);
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
                              List<DatasetSource> train, TableSelection outputs) {
        check(outputs.posterior() && outputs.predictions(), "figures", "needs outputs: {posterior: true, "
                + "predictions: true} (the figures are drawn from those tables)");
        inGrid(figures.priors(), values(grid, "prior"), "figures.priors", "priors");
        inGrid(figures.train(), train.stream().map(DatasetSource::name).toList(), "figures.train", "train");
        inGrid(figures.samplerSeeds(), values(grid, "sampler_seed"), "figures.sampler_seeds", "sampler_seeds");
        inGrid(figures.hidden(), values(grid, "hidden"), "figures.hidden", "hidden");
    }

    /** The grid's values of a setting, its default when the configuration does not list it. */
    private static List<Object> values(Map<RunSettings.Setting, List<Object>> grid, String key) {
        List<Object> v = grid.get(RunSettings.setting(key));
        return v.size() == 1 && v.get(0) == null
                ? List.of(RunSettings.of(Map.of("prior", "full")).get(key)) : v;
    }

    private <T> void inGrid(List<T> selected, List<?> grid, String key, String gridKey) {
        if (selected == null) {
            return;
        }
        for (T v : nonEmptyDistinct(selected, key)) {
            check(grid.contains(v), key, "'" + v + "' is not in " + gridKey + " " + grid);
        }
    }

    private List<DatasetSource> datasets(List<SweepConfig.DataItem> items, String key) throws IOException {
        List<DatasetSource> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SweepConfig.DataItem item = items.get(i);
            String at = key + "[" + i + "]";
            check(item != null, at, "empty item; give csv, seed or seeds");
            int given = (item.csv() != null ? 1 : 0) + (item.seed() != null ? 1 : 0) + (item.seeds() != null ? 1 : 0);
            check(given == 1, at, "give exactly one of csv, seed or seeds");
            if (item.csv() != null) {
                check(item.counts() == null && item.noiseVariance() == null, at,
                        "counts and noise_variance apply to generated data, not to csv");
                out.add(DatasetSource.Rows.of(readCsv(item.csv(), at + ".csv")));
            } else {
                NoisyXorRecipe recipe;
                try {
                    recipe = new NoisyXorRecipe(item.counts() == null ? NoisyXorRecipe.PAPER.counts() : item.counts(),
                            item.noiseVariance() == null ? NoisyXorRecipe.PAPER.noiseVariance()
                                    : item.noiseVariance());
                } catch (IllegalArgumentException e) {
                    throw error(at, e.getMessage());
                }
                List<Long> itemSeeds = item.seed() != null ? List.of(item.seed())
                        : nonEmptyDistinct(item.seeds(), at + ".seeds");
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

    private static String generatedName(long seed, NoisyXorRecipe recipe) {
        if (recipe.equals(NoisyXorRecipe.PAPER)) {
            return "xor-" + seed;
        }
        return "xor-" + seed + "-" + recipe.counts().stream().map(String::valueOf).collect(Collectors.joining("."))
                + "-v" + recipe.noiseVariance();
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
