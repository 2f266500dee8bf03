package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The tree of a YAML text that holds one document, its aliases ({@code *name}) replaced by copies of what their
 * anchors ({@code &name}) mark. A plain scalar is typed as the mapper types it (a number, true or false, null or
 * text); a quoted or block scalar is text.
 */
final class YamlTree {

    /** YAML's spellings of the special floats, which the mapper does not read. */
    private static final Map<String, Double> SPECIAL_FLOATS = Map.of(".nan", Double.NaN, ".NaN", Double.NaN,
            ".NAN", Double.NaN, ".inf", Double.POSITIVE_INFINITY, ".Inf", Double.POSITIVE_INFINITY,
            ".INF", Double.POSITIVE_INFINITY, "+.inf", Double.POSITIVE_INFINITY, "-.inf", Double.NEGATIVE_INFINITY,
            "-.Inf", Double.NEGATIVE_INFINITY, "-.INF", Double.NEGATIVE_INFINITY);

    /** The deepest nesting read (an alias of an enclosing collection would nest without end). */
    private static final int MAX_DEPTH = 64;

    private YamlTree() {
    }

    /**
     * The tree of {@code text}, or null when it holds no document.
     *
     * @param file names the text in messages
     * @throws IllegalArgumentException naming {@code file} (and the line) when the text is not valid YAML, holds more
     *                                  than one document, repeats a key or exceeds the loader's limits (aliases of
     *                                  collections, nesting)
     */
    static JsonNode read(ObjectMapper mapper, String text, String file) throws IOException {
        List<Node> documents = new ArrayList<>();
        try {
            for (Node d : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
                documents.add(d);
                if (documents.size() > 1) {
                    throw new IllegalArgumentException(file + ": holds more than one YAML document (another starts "
                            + "at line " + (d.getStartMark().getLine() + 1) + "); give one sweep configuration a "
                            + "file");
                }
            }
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            throw new IllegalArgumentException(file + ": not valid YAML" + (at == null ? "" : " at line "
                    + (at.getLine() + 1) + ", column " + (at.getColumn() + 1)) + ": "
                    + String.valueOf(e.getProblem()).replace("\t", "\\t"));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not read as YAML: " + e.getMessage());
        }
        return documents.isEmpty() ? null : tree(mapper, documents.get(0), file, "", 0);
    }

    /** The tree of {@code node}, found at {@code key} (a dotted path, empty at the top) of {@code file}. */
    private static JsonNode tree(ObjectMapper mapper, Node node, String file, String key, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(file + ": line " + (node.getStartMark().getLine() + 1) + ": nested "
                    + "more than " + MAX_DEPTH + " deep (an alias inside what its anchor marks?)");
        }
        if (node instanceof MappingNode m) {
            ObjectNode o = mapper.createObjectNode();
            for (NodeTuple t : m.getValue()) {
                JsonNode k = tree(mapper, t.getKeyNode(), file, key, depth + 1);
                String name = k.isValueNode() ? k.asText() : k.toString();
                if (o.has(name)) {
                    throw new IllegalArgumentException(file + ": line " + (t.getKeyNode().getStartMark().getLine() + 1)
                            + ": the key '" + name + "' appears twice");
                }
                o.set(name, tree(mapper, t.getValueNode(), file, key.isEmpty() ? name : key + "." + name,
                        depth + 1));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = mapper.createArrayNode();
            for (Node item : s.getValue()) {
                a.add(tree(mapper, item, file, key + "[" + a.size() + "]", depth + 1));
            }
            return a;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return TextNode.valueOf(scalar.getValue());
        }
        String text = scalar.getValue();
        if (SPECIAL_FLOATS.containsKey(text)) {
            return DoubleNode.valueOf(SPECIAL_FLOATS.get(text));
        }
        JsonNode typed;
        try {
            typed = text.isEmpty() ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            Mark at = scalar.getStartMark();
            throw new IllegalArgumentException(file + ": line " + (at.getLine() + 1) + ", column "
                    + (at.getColumn() + 1) + (key.isEmpty() ? "" : ": key '" + key + "'") + ": cannot read '" + text + "': "
                    + e.getOriginalMessage());
        }
        return typed == null || typed.isMissingNode() ? NullNode.getInstance() : typed;
    }
}
