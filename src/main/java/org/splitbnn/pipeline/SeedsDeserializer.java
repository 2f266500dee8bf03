package org.splitbnn.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code seeds} of a dataset item: a list of integers, or a range {@code {from: A, to: B}} with both ends
 * included.
 */
final class SeedsDeserializer extends JsonDeserializer<List<Long>> {

    /** The most seeds a range may give. */
    static final long MAX_RANGE = 1_000_000;

    @Override
    public List<Long> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        List<Long> seeds = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode v : node) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    return fail(ctxt, "expected integers, got " + v);
                }
                seeds.add(v.longValue());
            }
            return seeds;
        }
        if (node.isObject() && node.size() == 2 && node.has("from") && node.has("to")
                && node.get("from").isIntegralNumber() && node.get("to").isIntegralNumber()) {
            long from = node.get("from").longValue();
            long to = node.get("to").longValue();
            if (to < from) {
                return fail(ctxt, "range {from: " + from + ", to: " + to + "} is empty (to must be at least from)");
            }
            if (to - from >= MAX_RANGE) {
                return fail(ctxt, "range {from: " + from + ", to: " + to + "} gives more than " + MAX_RANGE
                        + " seeds");
            }
            for (long s = from; s <= to; s++) {
                seeds.add(s);
            }
            return seeds;
        }
        return fail(ctxt, "expected a list of integers or a range {from: A, to: B}, got " + node);
    }

    private static List<Long> fail(DeserializationContext ctxt, String message) throws IOException {
        return ctxt.reportInputMismatch(List.class, message);
    }
}
