package org.splitbnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.output.Table;
import org.splitbnn.pipeline.SweepConfigReader;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The documentation (README.md and docs/) and the code name the same things: every command-line option, run setting
 * and sweep configuration key is documented, every option and key the documentation names exists, and every link
 * between the pages resolves.
 */
class DocsTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");

    /** Options the documentation names that belong to other programs, each with its program. */
    private static final Map<String, String> FOREIGN = Map.ofEntries(Map.entry("--master", "spark-submit"),
            Map.entry("--deploy-mode", "spark-submit"), Map.entry("--conf", "spark-submit"),
            Map.entry("--packages", "spark-submit"), Map.entry("--num-executors", "spark-submit"),
            Map.entry("--executor-cores", "spark-submit"), Map.entry("--executor-memory", "spark-submit"),
            Map.entry("--queue", "spark-submit"), Map.entry("--add-modules", "java"));

    /** The folder of the scripts whose own options the documentation may name. */
    private static final Path JOBS = Path.of("jobs");

    /** The keys of the range form {@code {from: A, to: B}} of {@code seeds}, read by its own deserializer. */
    private static final Set<String> SEED_RANGE_KEYS = Set.of("from", "to");

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final String MINIMAL = "name: t\nnlive: 50\npriors: [full]\ntrain: [{seed: 3}]\n";

    @TempDir
    Path dir;

    @Test
    void everyOptionOfACommandIsDocumentedInItsSection() throws IOException {
        String readme = Files.readString(README);
        String settingsRows = settingsRows(readme).values().stream().collect(Collectors.joining("\n"));
        for (Map.Entry<String, CommandLine> c : Main.commandLine().getSubcommands().entrySet()) {
            String section = section(readme, "### `" + c.getKey() + "`");
            for (String option : ownOptions(c.getValue())) {
                boolean setting = c.getKey().equals("run") && isSettingOption(option);
                assertTrue(mentions(section, option) || setting && mentions(settingsRows, option),
                        "README's section of `" + c.getKey() + "` lacks " + option);
            }
        }
        assertTrue(mentions(readme, "--verbose"), "README lacks --verbose");
    }

    @Test
    void everyOptionTheDocsNameExists() throws IOException {
        String readme = Files.readString(README);
        Set<String> all = new TreeSet<>(FOREIGN.keySet());
        all.addAll(jobsOptions());
        Main.commandLine().getCommandSpec().options().forEach(o -> all.addAll(Arrays.asList(o.names())));
        for (CommandLine c : Main.commandLine().getSubcommands().values()) {
            c.getCommandSpec().options().forEach(o -> all.addAll(Arrays.asList(o.names())));
        }
        for (Map.Entry<Path, String> page : pages().entrySet()) {
            for (String option : options(page.getValue())) {
                assertTrue(all.contains(option), page.getKey() + " names " + option + ", which no command has");
            }
        }
        for (Map.Entry<String, CommandLine> c : Main.commandLine().getSubcommands().entrySet()) {
            Set<String> own = new TreeSet<>();
            c.getValue().getCommandSpec().options().forEach(o -> own.addAll(Arrays.asList(o.names())));
            for (String option : options(section(readme, "### `" + c.getKey() + "`"))) {
                assertTrue(own.contains(option), "README's section of `" + c.getKey() + "` names " + option
                        + ", which the command lacks");
            }
        }
    }

    @Test
    void everyRunSettingHasItsRowAndEveryRowASetting() throws IOException {
        Map<String, String> rows = settingsRows(Files.readString(README));
        for (RunSettings.Setting s : RunSettings.SETTINGS) {
            String row = rows.get(s.key());
            assertTrue(row != null, "README's settings table lacks " + s.key());
            List<String> cells = cells(row);
            assertTrue(cells.get(0).startsWith("`" + s.key() + "` (`" + s.option() + "`"), row);
            if (s.alias() != null) {
                assertTrue(cells.get(0).contains("`" + s.alias() + "`"), row);
            }
            assertEquals(s.gridKey() != null, cells.get(1).startsWith("`" + s.gridKey() + "`"), row);
            assertEquals(s.defaultText() == null ? "required" : s.defaultText(), cells.get(cells.size() - 1), row);
        }
        for (String key : rows.keySet()) {
            assertTrue(RunSettings.SETTINGS.stream().anyMatch(s -> s.key().equals(key)),
                    "README's settings table has " + key + ", which is no setting");
        }
    }

    @Test
    void everyConfigurationKeyIsDocumentedAndEveryDocumentedKeyExists() throws IOException {
        String readme = Files.readString(README);
        Map<String, String> rows = tableRows(readme, "| key | meaning | default |");
        Set<String> settingKeys = RunSettings.SETTINGS.stream()
                .map(s -> s.gridKey() != null ? s.gridKey() : s.key()).collect(Collectors.toSet());
        Set<String> top = knownKeys(MINIMAL + "bogus: 1\n", "; known keys: ");
        assertTrue(top.containsAll(settingKeys), top.toString());
        for (String key : top) {
            assertTrue(settingKeys.contains(key) || rows.containsKey(key),
                    "README's configuration table lacks the key " + key);
        }
        for (String key : rows.keySet()) {
            assertTrue(top.contains(key) && !settingKeys.contains(key),
                    "README's configuration table has " + key + ", which is no configuration key (or a setting)");
        }
        Map<String, Set<String>> nested = new LinkedHashMap<>();
        nested.put("blocks", knownKeys(MINIMAL + "blocks: [{bogus: 1}]\n", "; a block takes "));
        Set<String> item = knownKeys("name: t\nnlive: 50\npriors: [full]\ntrain: [{seed: 3, bogus: 1}]\n",
                "; known keys: ");
        nested.put("train", item);
        nested.put("tests", item);
        nested.put("outputs", knownKeys(MINIMAL + "outputs: {bogus: 1}\n", "; known keys: "));
        nested.put("figures", knownKeys(MINIMAL + "figures: {bogus: 1}\n", "; known keys: "));
        nested.put("claims", knownKeys(MINIMAL + "claims: {bogus: 1}\n", "; known keys: "));
        for (Map.Entry<String, Set<String>> n : nested.entrySet()) {
            String row = n.getKey().equals("train") || n.getKey().equals("tests")
                    ? rows.get("train") + rows.get("tests") : rows.get(n.getKey());
            for (String key : n.getValue()) {
                assertTrue(Pattern.compile("(?<![\\w-])" + Pattern.quote(key) + "[`:]").matcher(row).find(),
                        "README's row of " + n.getKey() + " lacks its key " + key);
            }
        }
        Set<String> allNested = nested.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        for (Map.Entry<String, String> row : rows.entrySet()) {
            Matcher braces = Pattern.compile("\\{([^}]*)}").matcher(row.getValue());
            while (braces.find()) {
                Matcher key = Pattern.compile("([a-z_]+):").matcher(braces.group(1));
                while (key.find()) {
                    assertTrue(allNested.contains(key.group(1)) || SEED_RANGE_KEYS.contains(key.group(1)),
                            "README's row of " + row.getKey() + " names " + key.group(1) + ", which is no key");
                }
            }
        }
    }

    @Test
    void everyTableAndColumnIsDocumented() throws IOException {
        // a column is named in code font among the columns, or as a key of "one row per" (the summary's factors)
        Map<String, String> rows = tableRows(Files.readString(DOCS.resolve("tables.md")),
                "| table | one row per | columns after the spec columns |");
        assertEquals(Stream.of(Table.values()).map(Table::folder).collect(Collectors.toSet()), rows.keySet(),
                "docs/tables.md has a row per table");
        for (Table t : Table.values()) {
            List<String> row = cells(rows.get(t.folder()));
            Set<String> keys = new HashSet<>(Arrays.asList(row.get(1).split("[^a-z_]+")));
            for (Table.Column c : t.own()) {
                assertTrue(row.get(2).contains("`" + c.name() + "`") || keys.contains(c.name()), "docs/tables.md, "
                        + "table " + t.folder() + ": no column `" + c.name() + "`");
            }
        }
    }

    @Test
    void everyPageIsLinkedFromTheReadmeAndEveryLinkResolves() throws IOException {
        String readme = Files.readString(README);
        for (Path page : pages().keySet()) {
            if (page.startsWith(DOCS)) {
                assertTrue(readme.contains("](" + page.toString().replace('\\', '/') + ")"),
                        "README does not link " + page);
            }
        }
        for (Map.Entry<Path, String> page : pages().entrySet()) {
            Matcher m = LINK.matcher(page.getValue());
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://")) {
                    continue;
                }
                String[] parts = target.split("#", 2);
                Path file = parts[0].isEmpty() ? page.getKey() : page.getKey().resolveSibling(parts[0]).normalize();
                assertTrue(Files.exists(file), page.getKey() + " links " + target + ", which does not exist");
                if (parts.length == 2 && file.toString().endsWith(".md")) {
                    assertTrue(anchors(Files.readString(file)).contains(parts[1]),
                            page.getKey() + " links " + target + ": no such heading");
                }
            }
        }
    }

    @Test
    void anchorsAreGitHubsSlugsOfTheHeadings() {
        assertEquals(Set.of("functions-n_distinct_functions-a-modes-function", "calibration-of-validate"),
                anchors("## Functions (`n_distinct_functions`, a mode's `function`)\ntext\n"
                        + "### Calibration of `validate`"));
    }

    /** README.md and every page of docs/, by path. */
    private static Map<Path, String> pages() throws IOException {
        Map<Path, String> pages = new LinkedHashMap<>();
        pages.put(README, Files.readString(README));
        try (Stream<Path> s = Files.list(DOCS)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                pages.put(p, Files.readString(p));
            }
        }
        return pages;
    }

    /** The options the scripts of jobs/ parse: those tested with {@code ==} or matched as a {@code case} pattern. */
    private static Set<String> jobsOptions() throws IOException {
        Pattern parsed = Pattern.compile("(?:==\\s*\"?|^\\s*|\\|)(--[a-z][a-z0-9-]*)(?=\"?\\s*(?:\\)|\\||]]|$))",
                Pattern.MULTILINE);
        Set<String> found = new TreeSet<>();
        try (Stream<Path> s = Files.list(JOBS)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Matcher m = parsed.matcher(Files.readString(p));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    /** The options of a command, without the help options and those it inherits from {@code splitbnn}. */
    private static List<String> ownOptions(CommandLine command) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp() && !o.inherited()) {
                names.addAll(Arrays.asList(o.names()));
            }
        }
        return names;
    }

    private static boolean isSettingOption(String option) {
        return RunSettings.SETTINGS.stream().anyMatch(s -> s.option().equals(option) || option.equals(s.alias()));
    }

    /** Whether {@code text} names {@code option} at the start of a code span. */
    private static boolean mentions(String text, String option) {
        return Pattern.compile("`" + Pattern.quote(option) + "(?![\\w-])").matcher(text).find();
    }

    /** Every option {@code text} names. */
    private static Set<String> options(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The text under {@code heading} up to the next heading. */
    private static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README lacks the heading " + heading);
        Matcher next = Pattern.compile("\n#").matcher(text);
        return next.find(start + heading.length() + 2) ? text.substring(start, next.start()) : text.substring(start);
    }

    /** The rows of the README's settings table by setting key. */
    private static Map<String, String> settingsRows(String readme) {
        return tableRows(readme, "| key (option) | list key in a sweep | meaning | default |");
    }

    /** The rows of the table with header {@code header}, by the code span that starts each row. */
    private static Map<String, String> tableRows(String text, String header) {
        List<String> lines = text.lines().toList();
        int at = lines.indexOf(header);
        assertTrue(at >= 0, "no table " + header);
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher key = Pattern.compile("^\\| `([a-z_]+)`").matcher(lines.get(i));
            assertTrue(key.find(), lines.get(i));
            rows.put(key.group(1), lines.get(i));
        }
        return rows;
    }

    /** The cells of a table row, stripped. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
    }

    /** The keys a configuration reader's message lists after {@code marker} when it refuses {@code yaml}. */
    private Set<String> knownKeys(String yaml, String marker) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            Path file = Files.writeString(dir.resolve("probe.yaml"), yaml);
            SweepConfigReader.read(file);
        });
        int at = e.getMessage().indexOf(marker);
        assertTrue(at >= 0, e.getMessage());
        return new TreeSet<>(Arrays.asList(e.getMessage().substring(at + marker.length()).split(", ")));
    }

    /** The anchors of a page's headings, as GitHub makes them. */
    private static Set<String> anchors(String page) {
        return page.lines().filter(l -> l.startsWith("#")).map(l -> slug(l.replaceFirst("^#+ ", "")))
                .collect(Collectors.toSet());
    }

    private static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
