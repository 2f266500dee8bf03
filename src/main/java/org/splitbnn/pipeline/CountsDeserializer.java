package org.splitbnn.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code counts} of a dataset item: one list of integers (one recipe), or a list of such lists (one
 * recipe each).
 */
final class CountsDeserializer extends JsonDeserializer<List<List<Integer>>> {

    @Override
    public List<List<Integer>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (!node.isArray() || node.isEmpty()) {
            return fail(ctxt, node);
        }
        List<List<Integer>> all = new ArrayList<>();
        if (node.get(0).isArray()) {
            for (JsonNode inner : node) {
                all.add(integers(inner, ctxt));
            }
        } else {
            all.add(integers(node, ctxt));
        }
        return all;
    }

    private static List<Integer> integers(JsonNode node, DeserializationContext ctxt) throws IOException {
        if (!node.isArray()) {
            fail(ctxt, node);
        }
        List<Integer> counts = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                fail(ctxt, node);
            }
            counts.add(v.intValue());
        }
        return counts;
    }

    private static List<List<Integer>> fail(DeserializationContext ctxt, JsonNode node) throws IOException {
        return ctxt.reportInputMismatch(List.class, "expected four integers [n1, n2, n3, n4] or a list of such"
                + " lists, got " + node);
    }
}
