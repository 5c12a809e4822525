package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The seeded mutations the Azure fuzz tests apply to the recorded payloads: truncation, invalid UTF-8 and deep
 * nesting on the bytes; removed fields and replaced values (nulls, huge numbers and strings, wrong types, broken
 * URLs, base64 and timestamps) in the tree.
 */
final class PayloadMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PayloadMutations() {
    }

    /** One mutation of a payload: three in ten on the bytes, the rest one to three edits of the tree. */
    static byte[] mutate(Random random, JsonNode tree, byte[] raw) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return mutateBytes(random, raw, kind);
        }
        return mutateTree(random, tree, kind == 3).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param kind 0 truncates, 1 overwrites up to four bytes with invalid UTF-8, 2 replaces it all with deep nesting
     * @return a mutated copy
     */
    static byte[] mutateBytes(Random random, byte[] raw, int kind) {
        switch (kind) {
            case 0 -> {
                return Arrays.copyOf(raw, random.nextInt(raw.length + 1));
            }
            case 1 -> {
                byte[] copy = raw.clone();
                for (int n = 0; n < 1 + random.nextInt(4) && copy.length > 0; n++) {
                    copy[random.nextInt(copy.length)] = (byte) (0x80 + random.nextInt(0x80));
                }
                return copy;
            }
            default -> {
                int depth = 100 + random.nextInt(5000);
                String open = random.nextBoolean() ? "[" : "{\"Data\":";
                return open.repeat(depth).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * @param remove whether the edits remove members and elements rather than replace them
     * @return a mutated deep copy
     */
    static JsonNode mutateTree(Random random, JsonNode tree, boolean remove) {
        JsonNode copy = tree.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        int edits = 1 + random.nextInt(3);
        for (int n = 0; n < edits && !containers.isEmpty(); n++) {
            edit(random, containers.get(random.nextInt(containers.size())), remove);
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (JsonNode child : node) {
                collect(child, containers);
            }
        }
    }

    private static void edit(Random random, JsonNode container, boolean remove) {
        if (container.isObject()) {
            ObjectNode object = (ObjectNode) container;
            if (object.isEmpty()) {
                object.set("x", replacement(random));
                return;
            }
            List<String> names = new ArrayList<>();
            Iterator<String> iterator = object.fieldNames();
            iterator.forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (remove) {
                object.remove(name);
            } else {
                object.set(name, replacement(random));
            }
        } else {
            ArrayNode array = (ArrayNode) container;
            if (array.isEmpty() || remove) {
                if (!array.isEmpty()) {
                    array.remove(random.nextInt(array.size()));
                }
                return;
            }
            array.set(random.nextInt(array.size()), replacement(random));
        }
    }

    private static JsonNode replacement(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(900))));
            case 3 -> NODES.textNode("x".repeat(random.nextInt(200_000)));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.arrayNode().add("a").add(1);
            case 6 -> NODES.objectNode().put("Url", "http://h/api/x y?%zz").put("Method", "GET").put("Body", "{\"a\":");
            case 7 -> NODES.textNode("not-base64!@#$%^");
            case 8 -> NODES.textNode("2024-13-45T99:99:99Z");
            case 9 -> NODES.numberNode(-1);
            case 10 -> NODES.textNode("{\"nested\":" + "[".repeat(300) + "]".repeat(300) + "}");
            default -> NODES.textNode("\uFFFD\uD800 \u0000 mixed");
        };
    }
}
