package dev.portablefn.gcp;

import static dev.portablefn.gcp.TestEvents.cloudEvent;
import static dev.portablefn.gcp.TestEvents.fixture;
import static dev.portablefn.gcp.TestEvents.json;
import static dev.portablefn.gcp.TestEvents.legacyEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The recorded GCP events wrapped as structured CloudEvents and as legacy events, and the seeded mutations the fuzz
 * tests apply to them: truncation, invalid UTF-8 and random bytes on the wire form; removed fields, type swaps, huge
 * strings and numbers, deep nesting, invalid base64 and empty values in the tree.
 */
final class GcpEventMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NEST_MARKER = "__nest__";

    private GcpEventMutations() {
    }

    static List<JsonNode> seeds() {
        String topic = "//pubsub.googleapis.com/projects/my-project/topics/my-topic";
        String pubsubType = "google.cloud.pubsub.topic.v1.messagePublished";
        List<JsonNode> seeds = new ArrayList<>();
        for (String name : List.of("pubsub-MessagePublishedData-text.json", "pubsub-MessagePublishedData-binary.json",
                "pubsub-MessagePublishedData-duplicatedFields.json")) {
            seeds.add(cloudEvent("message-id", topic, pubsubType, null, "2021-02-05T04:06:14.109Z", fixture(name)));
        }
        for (String name : List.of("storage-StorageObjectData-simple.json", "storage-StorageObjectData-complex.json")) {
            seeds.add(cloudEvent("s-1", "//storage.googleapis.com/projects/_/buckets/some-bucket",
                    "google.cloud.storage.object.v1.finalized", "objects/folder/Test.cs", "2020-04-23T07:38:57.772Z",
                    fixture(name)));
            seeds.add(legacyEvent("s-2", "2020-04-23T07:38:57.772Z", "google.storage.object.delete",
                    json("{\"service\":\"storage.googleapis.com\",\"name\":\"projects/_/buckets/some-bucket/objects/a#12\"}"),
                    fixture(name)));
        }
        for (String name : List.of("firestore-DocumentEventData-simple.json", "firestore-DocumentEventData-complex.json")) {
            seeds.add(cloudEvent("f-1", "//firestore.googleapis.com/projects/project-id/databases/(default)",
                    "google.cloud.firestore.document.v1.written", "documents/gcf-test/x", "2020-09-24T10:47:35.000Z",
                    fixture(name)));
            seeds.add(legacyEvent("f-2", "2020-09-24T10:47:35.000Z", "providers/cloud.firestore/eventTypes/document.write",
                    TextNode.valueOf("projects/project-id/databases/(default)/documents/gcf-test/x"), fixture(name)));
        }
        seeds.add(cloudEvent("sched-1", "//cloudscheduler.googleapis.com/projects/p/locations/l/jobs/j",
                "google.cloud.scheduler.job.v1.executed", null, "2024-03-01T02:00:00Z",
                fixture("scheduler-SchedulerJobData-simple.json")));
        seeds.add(legacyEvent("p-1", "2021-02-05T04:06:14.109Z", "google.pubsub.topic.publish",
                json("{\"service\":\"pubsub.googleapis.com\",\"name\":\"projects/p/topics/t\"}"),
                fixture("pubsub-MessagePublishedData-text.json").get("message")));
        seeds.add(cloudEvent("c-1", "//example.com/x", "com.example.custom", "s", null, json("{\"a\":[1,{\"b\":null}]}")));
        return seeds;
    }

    /** The structured CloudEvent seeds. */
    static List<JsonNode> cloudEventSeeds() {
        return seeds().stream().filter(seed -> seed.has("specversion")).toList();
    }

    /** The legacy background event seeds: {@code {"context": {...}, "data": ...}}. */
    static List<JsonNode> legacySeeds() {
        return seeds().stream().filter(seed -> seed.has("context")).toList();
    }

    /** One mutation of the seed's wire form: a third on the bytes, the rest on the tree. */
    static byte[] mutate(JsonNode seed, Random random) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return mutateBytes(TestEvents.bytes(seed), kind, random);
        }
        return withNesting(mutateTree(seed, kind == 3, random).toString()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param kind 0 truncates, 1 inserts an invalid UTF-8 sequence, 2 overwrites one byte at random
     * @return a mutated copy; {@code bytes} must not be empty
     */
    static byte[] mutateBytes(byte[] bytes, int kind, Random random) {
        if (kind == 0) {
            return Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        if (kind == 1) {
            int at = random.nextInt(bytes.length);
            byte[] invalid = random.nextBoolean() ? new byte[] {(byte) 0xC3, 0x28} : new byte[] {(byte) 0xFF, (byte) 0xFE};
            byte[] mutated = new byte[bytes.length + invalid.length];
            System.arraycopy(bytes, 0, mutated, 0, at);
            System.arraycopy(invalid, 0, mutated, at, invalid.length);
            System.arraycopy(bytes, at, mutated, at + invalid.length, bytes.length - at);
            return mutated;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    /**
     * @param remove whether the edits remove fields rather than replace values
     * @return a mutated deep copy with one to three edits; deep nesting is a marker for {@link #withNesting(String)}
     */
    static JsonNode mutateTree(JsonNode seed, boolean remove, Random random) {
        JsonNode copy = seed.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<Slot> slots = new ArrayList<>();
            collect(copy, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            if (remove && slot.key() != null) {
                ((ObjectNode) slot.parent()).remove(slot.key());
            } else {
                slot.replace(replacement(slot.current(), random));
            }
        }
        return copy;
    }

    /** Splices deep nesting in as text where a mutation left its marker: the tree writer refuses what the parser must be able to refuse. */
    static String withNesting(String json) {
        int marker = json.indexOf("\"" + NEST_MARKER);
        if (marker < 0) {
            return json;
        }
        int end = json.indexOf('"', marker + 1);
        int depth = Integer.parseInt(json.substring(marker + 1 + NEST_MARKER.length(), end));
        String nested = "{\"mapValue\":{\"fields\":{\"f\":".repeat(depth) + "{\"integerValue\":\"1\"}" + "}}}".repeat(depth);
        return json.substring(0, marker) + nested + json.substring(end + 1);
    }

    private static JsonNode replacement(JsonNode current, Random random) {
        return switch (random.nextInt(13)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(5) - 2);
            case 2 -> NODES.textNode("x");
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(current);
            case 5 -> NODES.objectNode().set("stringValue", current);
            case 6 -> NODES.textNode("9".repeat(1 + random.nextInt(5000)));
            case 7 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(900))));
            case 8 -> NODES.textNode("é".repeat(random.nextInt(100_000)));
            case 9 -> NODES.textNode(NEST_MARKER + random.nextInt(random.nextBoolean() ? 120 : 1500));
            case 10 -> NODES.textNode(random.nextBoolean() ? "%%%not base64" : "A===");
            case 11 -> NODES.textNode("");
            default -> NODES.numberNode(random.nextBoolean() ? Double.MAX_VALUE : -1e-300);
        };
    }

    private record Slot(JsonNode parent, String key, int index, JsonNode current) {
        void replace(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                slots.add(new Slot(node, entry.getKey(), -1, entry.getValue()));
                collect(entry.getValue(), slots);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i, node.get(i)));
                collect(node.get(i), slots);
            }
        }
    }
}
