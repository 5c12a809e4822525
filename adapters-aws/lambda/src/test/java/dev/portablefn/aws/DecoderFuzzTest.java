package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutates every recorded event (and synthetic batches of each source) with a fixed seed and checks each
 * case ends in a decoded value or a classified error — through the strict decoder and through the
 * Lambda handler — within a time bound. Rerun a failure with the seed and case number in its message.
 */
class DecoderFuzzTest {

    private static final long SEED = 20_240_601L;
    private static final int CASES = 10_000;
    private static final long CASE_TIMEOUT_SECONDS = 5;
    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes mutated trees however deep they got; reading them back is the decoder's problem. */
    private static final ObjectMapper WRITER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(100_000).build()).build());

    enum Mutation { TRUNCATE, REMOVE_FIELD, SWAP_TYPE, HUGE_STRING, HUGE_NUMBER, DEEP_NESTING, INVALID_UTF8,
        INVALID_BASE64, EMPTY_CONTAINER, NEGATIVE_NUMBER }

    private static ExecutorService executor;

    @BeforeAll
    static void startExecutor() {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aws-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String file : Fixtures.EVENT_FILES) {
            seeds.add(Fixtures.bytes(file));
        }
        seeds.add(Fixtures.records(3, i -> Fixtures.sqsRecord("m" + i, "{\"n\":" + i + "}", "q.fifo", "g")));
        seeds.add(Fixtures.records(3, i -> Fixtures.kinesisRecord("49" + i, "aGVsbG8=")));
        seeds.add(Fixtures.records(3, i -> Fixtures.dynamoDbRecord("14" + i, "v" + i)));
        seeds.add(("{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                + "\"time\":\"2015-10-08T16:53:06Z\",\"resources\":[\"arn:aws:events:r:1:rule/nightly\"],\"detail\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        return seeds;
    }

    @Test
    void everyMutatedFixtureDecodesOrFailsWithAClassifiedError() throws Exception {
        Random random = new Random(SEED);
        List<byte[]> seeds = seeds();
        AwsDecoder decoder = new AwsDecoder();
        HttpFunction http = (request, context) -> HttpResponse.ok().text(request.bodyAsString());
        EventFunction<Object> events = new EventFunction<>() {
            @Override
            public void handle(Event<Object> event, Context context) {
                // accepts everything: the fuzz is about decoding, not the function
            }
        };
        LambdaHandler httpHandler = new LambdaHandler(http);
        LambdaHandler eventHandler = new LambdaHandler(events);
        Map<Mutation, Integer> decodedByMutation = new EnumMap<>(Mutation.class);
        Map<Mutation, Integer> rejectedByMutation = new EnumMap<>(Mutation.class);
        for (int n = 0; n < CASES; n++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] payload = mutate(seed, mutation, random);
            String label = "seed " + SEED + " case " + n + " (" + mutation + ")";
            Future<Object> result = executor.submit(() -> {
                try {
                    Decoded decoded = decoder.decode(payload);
                    LambdaHandler handler = decoded instanceof Decoded.Http ? httpHandler : eventHandler;
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    handler.handleRequest(new ByteArrayInputStream(payload), out, FakeLambdaContext.of("fuzz", "orders", 30_000));
                    if (decoded instanceof Decoded.Http) {
                        assertThat(JSON.readTree(out.toByteArray()).get("statusCode").intValue()).isBetween(200, 499);
                    }
                    return decoded;
                } catch (Throwable failure) {
                    return failure;
                }
            });
            Object outcome;
            try {
                outcome = result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException hang) {
                result.cancel(true);
                fail(label + " did not finish within " + CASE_TIMEOUT_SECONDS + " s");
                return;
            }
            if (outcome instanceof Decoded) {
                decodedByMutation.merge(mutation, 1, Integer::sum);
            } else if (outcome instanceof EventDecodingException || outcome instanceof PermanentFailure) {
                assertThat(((Throwable) outcome).getMessage()).as(label).isNotBlank().hasSizeLessThan(2_000);
                rejectedByMutation.merge(mutation, 1, Integer::sum);
            } else {
                throw new AssertionError(label + " ended in " + outcome + " for payload "
                        + JsonFields.quote(new String(payload, StandardCharsets.UTF_8)), (Throwable) outcome);
            }
        }
        // The fuzz must exercise both outcomes for most mutations, or it is not testing much.
        assertThat(decodedByMutation.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(CASES / 5);
        assertThat(rejectedByMutation.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(CASES / 5);
    }

    /** The recorded HTTP events, whose body and headers the content fuzz replaces. */
    private static final List<String> HTTP_FILES = List.of(
            "alb-lambda-target-request-headers-only.json", "alb-lambda-target-request-multivalue-headers.json",
            "apigw-request.json", "apigw-v2-request-iam.json", "apigw-v2-request-no-authorizer.json",
            "lambda-urls-request.json");
    private static final int CONTENT_CASES = 2_000;

    /**
     * Mutations that keep an event valid (a new id, body, message, record data or header value, drawn from Unicode
     * with emoji, quotes, backslashes and control characters) must decode to exactly what was put in: a decoder that
     * returned garbage, or dropped or re-encoded a character, fails here while the shape fuzz above would pass it.
     */
    @Test
    void mutationsThatKeepAnEventValidDecodeToExactlyWhatTheyCarry() throws Exception {
        Random random = new Random(SEED);
        AwsDecoder decoder = new AwsDecoder();
        for (int n = 0; n < CONTENT_CASES; n++) {
            String label = "seed " + SEED + " content case " + n;
            String id = "id-" + Long.toUnsignedString(random.nextLong(), 36);
            String text = randomText(random, false);
            switch (n % 4) {
                case 0 -> {
                    Event<?> event = onlyEvent(decoder.decode(Fixtures.records(1, i -> Fixtures.sqsRecord(id, text, "q", null))));
                    assertThat(event.id()).as(label).isEqualTo(id);
                    assertThat((byte[]) event.data()).as(label).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
                }
                case 1 -> {
                    ObjectNode sns = (ObjectNode) JSON.readTree(Fixtures.bytes("sns-event.json"));
                    ObjectNode message = (ObjectNode) sns.get("Records").get(0).get("Sns");
                    message.put("MessageId", id).put("Message", text);
                    Event<?> event = onlyEvent(decoder.decode(JSON.writeValueAsBytes(sns)));
                    assertThat(event.id()).as(label).isEqualTo(id);
                    assertThat((byte[]) event.data()).as(label).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
                }
                case 2 -> {
                    byte[] data = new byte[random.nextInt(300)];
                    random.nextBytes(data);
                    String sequence = Long.toUnsignedString(random.nextLong());
                    Event<?> event = onlyEvent(decoder.decode(Fixtures.records(1,
                            i -> Fixtures.kinesisRecord(sequence, java.util.Base64.getEncoder().encodeToString(data)))));
                    assertThat(event.id()).as(label).isEqualTo(sequence);
                    assertThat((byte[]) event.data()).as(label).isEqualTo(data);
                }
                default -> {
                    String file = HTTP_FILES.get(random.nextInt(HTTP_FILES.size()));
                    String headerValue = randomText(random, true);
                    ObjectNode request = (ObjectNode) JSON.readTree(Fixtures.bytes(file));
                    request.put("body", text).put("isBase64Encoded", false);
                    if (request.get("multiValueHeaders") instanceof ObjectNode multi) {
                        multi.putArray("x-fuzz").add(headerValue);
                    }
                    if (request.get("headers") instanceof ObjectNode headers) {
                        headers.put("x-fuzz", headerValue);
                    } else if (!request.has("multiValueHeaders")) {
                        request.putObject("headers").put("x-fuzz", headerValue);
                    }
                    Decoded decoded = decoder.decode(JSON.writeValueAsBytes(request));
                    assertThat(decoded).as(label + " " + file).isInstanceOf(Decoded.Http.class);
                    var http = ((Decoded.Http) decoded).request();
                    assertThat(http.bodyAsString()).as(label + " " + file).isEqualTo(text);
                    assertThat(http.headers().all("X-Fuzz")).as(label + " " + file).containsExactly(headerValue);
                }
            }
        }
    }

    private static Event<?> onlyEvent(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Events.class);
        List<Event<?>> events = ((Decoded.Events) decoded).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /**
     * @param headerValue whether the text must be a valid header value: no control characters and no white space at
     *                    either end (API Gateway and ALB pass anything else on as is, and so must the decoder)
     * @return random text of up to 200 code points: ASCII, Latin, CJK, emoji, quotes, backslashes and controls
     */
    private static String randomText(Random random, boolean headerValue) {
        int[] pool = {'a', 'Z', '0', ' ', '"', '\\', '/', '{', '}', '\n', '\t', 0x7f, 'é', 'ß', 0x4e2d, 0x6587,
                0x1F600, 0x1F680, 0x1F9D1, 0x200D, 0xFE0F};
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = 1 + random.nextInt(200); i < length; i++) {
            int codePoint = pool[random.nextInt(pool.length)];
            if (headerValue && (codePoint < 0x20 || codePoint == 0x7f)) {
                continue;
            }
            text.appendCodePoint(codePoint);
        }
        String value = text.toString();
        return headerValue ? "v" + value.strip() + "v" : value;
    }

    private static byte[] mutate(byte[] seed, Mutation mutation, Random random) throws Exception {
        switch (mutation) {
            case TRUNCATE:
                return java.util.Arrays.copyOf(seed, random.nextInt(seed.length));
            case INVALID_UTF8: {
                byte[] copy = seed.clone();
                int at = random.nextInt(copy.length);
                copy[at] = (byte) (0x80 + random.nextInt(0x80));
                return copy;
            }
            default:
                break;
        }
        JsonNode root = JSON.readTree(seed);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (int step = 0, steps = 1 + random.nextInt(3); step < steps; step++) {
            JsonNode container = containers.get(random.nextInt(containers.size()));
            if (container.isObject() && container.size() > 0) {
                ObjectNode object = (ObjectNode) container;
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                if (mutation == Mutation.REMOVE_FIELD) {
                    object.remove(name);
                } else {
                    object.set(name, replacement(object.get(name), mutation, random));
                }
            } else if (container.isArray() && container.size() > 0) {
                ArrayNode array = (ArrayNode) container;
                int index = random.nextInt(array.size());
                if (mutation == Mutation.REMOVE_FIELD) {
                    array.remove(index);
                } else {
                    array.set(index, replacement(array.get(index), mutation, random));
                }
            }
        }
        return WRITER.writeValueAsBytes(root);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode replacement(JsonNode old, Mutation mutation, Random random) {
        return switch (mutation) {
            case SWAP_TYPE -> switch (old.getNodeType()) {
                case STRING -> random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.objectNode();
                case NUMBER -> NODES.textNode(old.asText() + "x");
                case OBJECT -> random.nextBoolean() ? NODES.arrayNode().add(old) : NODES.textNode("obj");
                case ARRAY -> NODES.objectNode().set("a", old);
                case BOOLEAN -> NODES.textNode("yes");
                default -> random.nextBoolean() ? NODES.booleanNode(true) : NODES.nullNode();
            };
            case HUGE_STRING -> NODES.textNode("é".repeat(10_000 + random.nextInt(30_000)));
            case HUGE_NUMBER -> random.nextBoolean()
                    ? NODES.numberNode(new BigInteger("9".repeat(200 + random.nextInt(700))))
                    : NODES.numberNode(new java.math.BigDecimal("1e" + (300 + random.nextInt(100000))));
            case DEEP_NESTING -> {
                JsonNode nested = old;
                for (int i = 0, depth = 50 + random.nextInt(400); i < depth; i++) {
                    nested = random.nextBoolean() ? NODES.arrayNode().add(nested) : NODES.objectNode().set("M", nested);
                }
                yield nested;
            }
            case INVALID_BASE64 -> NODES.textNode(random.nextBoolean() ? "%%%not-base64%%%" : "QUJD=");
            case EMPTY_CONTAINER -> random.nextBoolean() ? NODES.objectNode() : NODES.arrayNode();
            case NEGATIVE_NUMBER -> NODES.numberNode(-1L - random.nextInt(Integer.MAX_VALUE));
            default -> old;
        };
    }
}
