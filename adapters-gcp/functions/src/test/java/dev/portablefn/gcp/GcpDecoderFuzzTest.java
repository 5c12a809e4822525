package dev.portablefn.gcp;

import static dev.portablefn.gcp.TestEvents.cloudEvent;
import static dev.portablefn.gcp.TestEvents.fixture;
import static dev.portablefn.gcp.TestEvents.json;
import static dev.portablefn.gcp.TestEvents.legacyEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.Decoded;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutates every recorded GCP event (wrapped as CloudEvents and as legacy events) with a fixed seed —
 * truncation, type swaps, huge strings and numbers, deep nesting, invalid UTF-8 and base64, missing
 * fields — and checks each case ends, within a bound, in a decoded event or a classified permanent error:
 * never a NullPointerException, ClassCastException, StackOverflowError or hang.
 */
class GcpDecoderFuzzTest {

    private static final int CASES = 12_000;
    private static final long SEED = Long.getLong("gcp.fuzz.seed", 0x5EED_2026L);
    private static final long CASE_TIMEOUT_SECONDS = 10;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gcp-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
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

    @Test
    void everyMutatedFixtureDecodesOrFailsWithAClassifiedError() throws InterruptedException {
        Random random = new Random(SEED);
        List<JsonNode> seeds = seeds();
        GcpDecoder decoder = new GcpDecoder();
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            JsonNode seed = seeds.get(random.nextInt(seeds.size()));
            byte[] payload = mutate(seed, random);
            Future<Decoded> result = worker.submit(() -> decoder.decode(payload));
            try {
                Decoded value = result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(value).isInstanceOf(Decoded.Events.class);
                decoded++;
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (!(cause instanceof PermanentFailure)) {
                    fail("case " + i + " (seed " + SEED + ") threw " + cause + " for " + preview(payload), cause);
                }
                assertThat(cause.getMessage()).as("error message of case %d", i).isNotBlank();
                rejected++;
            } catch (TimeoutException hung) {
                result.cancel(true);
                fail("case " + i + " (seed " + SEED + ") did not finish in " + CASE_TIMEOUT_SECONDS + " s: " + preview(payload));
            }
        }
        assertThat(decoded + rejected).isEqualTo(CASES);
        assertThat(decoded).as("mutations that still decode").isGreaterThan(CASES / 20);
        assertThat(rejected).as("mutations that are rejected").isGreaterThan(CASES / 20);
    }

    private static String preview(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "... (" + payload.length + " bytes)" : text;
    }

    static byte[] mutate(JsonNode seed, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] bytes = TestEvents.bytes(seed);
            return Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        if (kind == 1) {
            byte[] bytes = TestEvents.bytes(seed);
            int at = random.nextInt(bytes.length);
            byte[] invalid = random.nextBoolean() ? new byte[] {(byte) 0xC3, 0x28} : new byte[] {(byte) 0xFF, (byte) 0xFE};
            byte[] mutated = new byte[bytes.length + invalid.length];
            System.arraycopy(bytes, 0, mutated, 0, at);
            System.arraycopy(invalid, 0, mutated, at, invalid.length);
            System.arraycopy(bytes, at, mutated, at + invalid.length, bytes.length - at);
            return mutated;
        }
        if (kind == 2) {
            byte[] bytes = TestEvents.bytes(seed);
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            return bytes;
        }
        JsonNode copy = seed.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<Slot> slots = new ArrayList<>();
            collect(copy, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            if (kind == 3 && slot.key() != null) {
                ((ObjectNode) slot.parent()).remove(slot.key());
            } else {
                slot.replace(replacement(slot.current(), random));
            }
        }
        String json = copy.toString();
        // Deep nesting is spliced in as text: the tree writer refuses what the parser must be able to refuse.
        int marker = json.indexOf("\"" + NEST_MARKER);
        if (marker >= 0) {
            int end = json.indexOf('"', marker + 1);
            int depth = Integer.parseInt(json.substring(marker + 1 + NEST_MARKER.length(), end));
            String nested = "{\"mapValue\":{\"fields\":{\"f\":".repeat(depth) + "{\"integerValue\":\"1\"}"
                    + "}}}".repeat(depth);
            json = json.substring(0, marker) + nested + json.substring(end + 1);
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static final String NEST_MARKER = "__nest__";

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
