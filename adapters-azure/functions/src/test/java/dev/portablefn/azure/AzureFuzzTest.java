package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * Seeded mutations of every recorded payload: each case must decode or fail with a classified
 * {@link PermanentFailure} (normally {@code EventDecodingException}) within a bound; HTTP requests that
 * decode must get a 2xx or 4xx answer, never a 5xx.
 */
class AzureFuzzTest {

    private static final long SEED = 0x5EED_A2E1L;
    private static final int CASES = 12_000;
    private static final JacksonCodec CODEC = JacksonCodec.standard();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static ExecutorService executor;

    private final AzureDecoder decoder = new AzureDecoder();
    private final FunctionRunner http = FunctionRunner.of(PortableFunction.http((request, ctx) -> {
        Map<?, ?> body = request.bodyLength() == 0 ? Map.of() : request.bodyAs(Map.class);
        return HttpResponse.ok().json(Map.of("fields", body.size(), "path", request.path()));
    }));

    @BeforeAll
    static void start() {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "azure-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void everyMutatedPayloadDecodesOrFailsClassified() throws Exception {
        Random random = new Random(SEED);
        List<JsonNode> trees = new ArrayList<>();
        List<byte[]> raws = new ArrayList<>();
        for (String fixture : Fixtures.ALL) {
            raws.add(Fixtures.bytes(fixture));
            trees.add(CODEC.readTree(Fixtures.bytes(fixture)));
        }
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            int source = i % trees.size();
            byte[] payload = mutate(random, trees.get(source), raws.get(source));
            Future<String> outcome = executor.submit(() -> run(payload));
            String result;
            try {
                result = outcome.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException hang) {
                outcome.cancel(true);
                fail("case %d (seed %d, fixture %s) did not finish within 5 s", i, SEED, Fixtures.ALL.get(source));
                return;
            } catch (ExecutionException unexpected) {
                throw new AssertionError("case " + i + " from " + Fixtures.ALL.get(source) + " failed unclassified on: "
                        + abbreviate(payload), unexpected.getCause());
            }
            if (result.equals("decoded")) {
                decoded++;
            } else {
                rejected++;
            }
        }
        assertThat(decoded + rejected).isEqualTo(CASES);
        assertThat(decoded).as("mutations that still decode").isGreaterThan(CASES / 10);
        assertThat(rejected).as("mutations that are rejected").isGreaterThan(CASES / 10);
    }

    private String run(byte[] payload) {
        Decoded result;
        try {
            result = decoder.decode(payload);
        } catch (PermanentFailure classified) {
            assertThat(classified.getMessage()).isNotBlank();
            return "rejected";
        }
        if (result instanceof Decoded.Http request) {
            HttpResponse response = http.http(request.request(), Context.builder().requestId("fuzz").functionName("fuzz")
                    .provider(Provider.AZURE).build());
            assertThat(response.status()).as("HTTP status for %s", request.request()).isBetween(200, 499);
        } else {
            assertThat(((Decoded.Events) result).events()).isNotEmpty();
        }
        return "decoded";
    }

    private static byte[] mutate(Random random, JsonNode tree, byte[] raw) {
        int kind = random.nextInt(10);
        switch (kind) {
            case 0 -> {
                return Arrays.copyOf(raw, random.nextInt(raw.length + 1));
            }
            case 1 -> {
                byte[] copy = raw.clone();
                for (int n = 0; n < 1 + random.nextInt(4); n++) {
                    copy[random.nextInt(copy.length)] = (byte) (0x80 + random.nextInt(0x80));
                }
                return copy;
            }
            case 2 -> {
                StringBuilder deep = new StringBuilder();
                int depth = 100 + random.nextInt(5000);
                String open = random.nextBoolean() ? "[" : "{\"Data\":";
                deep.append(open.repeat(depth));
                return deep.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                JsonNode copy = tree.deepCopy();
                List<JsonNode> containers = new ArrayList<>();
                collect(copy, containers);
                int edits = 1 + random.nextInt(3);
                for (int n = 0; n < edits && !containers.isEmpty(); n++) {
                    edit(random, containers.get(random.nextInt(containers.size())), kind);
                }
                return copy.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (JsonNode child : node) {
                collect(child, containers);
            }
        }
    }

    private static void edit(Random random, JsonNode container, int kind) {
        if (container.isObject()) {
            ObjectNode object = (ObjectNode) container;
            if (object.isEmpty()) {
                object.set("x", replacement(random, kind));
                return;
            }
            List<String> names = new ArrayList<>();
            Iterator<String> iterator = object.fieldNames();
            iterator.forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (kind == 3) {
                object.remove(name);
            } else {
                object.set(name, replacement(random, kind));
            }
        } else {
            ArrayNode array = (ArrayNode) container;
            if (array.isEmpty() || kind == 3) {
                if (!array.isEmpty()) {
                    array.remove(random.nextInt(array.size()));
                }
                return;
            }
            array.set(random.nextInt(array.size()), replacement(random, kind));
        }
    }

    private static JsonNode replacement(Random random, int kind) {
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

    private static String abbreviate(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
