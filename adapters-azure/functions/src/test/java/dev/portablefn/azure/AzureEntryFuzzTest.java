package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage.HostRequest;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
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
 * Fuzzes the delegations users call from their {@code @FunctionName} methods, not only the decoder the CLI uses: each
 * case takes a recorded host payload, mutates it with a fixed seed and hands its parts to {@link AzureFunctions} as
 * the Java worker binds them. An event delegation must return or throw what {@code HostFailures} throws to make the
 * host retry: a {@link PermanentFailure} (the function's own, a binding failure, or an undecodable input's
 * {@code EventDecodingException}) or a {@link RetryableException}. An HTTP request must be answered below 500. Each
 * case runs on a worker thread within a bound; rerun a failure with the seed and case in its message.
 */
class AzureEntryFuzzTest {

    private static final long SEED = 0x5EED_A2E1L;
    private static final int CASES = 6_300;
    private static final long CASE_TIMEOUT_SECONDS = 5;
    private static final JacksonCodec CODEC = JacksonCodec.standard();

    /** The delegations fuzzed, one case in turn each. */
    enum Delegation { HTTP, QUEUE, SERVICE_BUS_QUEUE, SERVICE_BUS_TOPIC, EVENT_GRID, TIMER, BLOB, EVENT_HUBS, COSMOS_DB }

    /** What a function bound to a small record gets; a mismatched payload must be a permanent binding failure. */
    record Item(String name, int size) {
    }

    private static final EventFunction<Object> ANY_DATA = new EventFunction<>() {
        @Override
        public void handle(Event<Object> event, Context context) {
            // accepts everything: the fuzz is about the delegations, not the function
        }
    };
    private static final EventFunction<Item> TYPED_DATA = new EventFunction<>() {
        @Override
        public void handle(Event<Item> event, Context context) {
            // binding happened before this runs
        }
    };

    private static ExecutorService worker;

    private final AzureFunctions anyData = AzureFunctions.of(ANY_DATA);
    private final AzureFunctions typed = AzureFunctions.of(TYPED_DATA);
    private final AzureFunctions http = AzureFunctions.of(PortableFunction.http(HttpRouter.builder()
                    .post("/orders/{id}", (request, context) -> {
                        Item item = request.bodyAs(Item.class);
                        return HttpResponse.status(201).json(Map.of("id", request.pathParameter("id").orElse(""),
                                "name", String.valueOf(item.name()), "traced", request.header("traceparent").isPresent()));
                    })
                    .get("/orders/{id}", (request, context) -> HttpResponse.ok().json(Map.of(
                            "id", request.pathParameter("id").orElse(""), "headers", request.headers().size(),
                            "query", request.query().size(), "requestId", context.requestId())))
                    .build())
            .withLimits(Limits.defaults().withMaxBodyBytes(64 * 1024)));

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "azure-entry-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void everyMutatedHostInputThroughTheDelegationsEndsInSuccessOrWhatHostFailuresThrows() throws Exception {
        Random random = new Random(SEED);
        Map<Delegation, int[]> outcomes = new EnumMap<>(Delegation.class);
        for (int n = 0; n < CASES; n++) {
            Delegation delegation = Delegation.values()[n % Delegation.values().length];
            boolean useTyped = random.nextInt(4) == 0;
            AzureFunctions azure = useTyped ? typed : anyData;
            ExecutionContext context = context(random, n);
            HttpCase httpCase = delegation == Delegation.HTTP ? httpCase(random) : null;
            Callable<Object> invocation = switch (delegation) {
                case HTTP -> () -> http.http(httpCase.message(), context);
                case QUEUE -> {
                    JsonNode payload = mutated(random, "invocation-queue.json");
                    JsonNode metadata = payload.path("Metadata");
                    String message = broken(random, text(payload.path("Data").get("myQueueItem")));
                    String id = text(metadata.get("Id"));
                    long dequeueCount = number(random, metadata.get("DequeueCount"));
                    String insertionTime = text(metadata.get("InsertionTime"));
                    yield () -> {
                        azure.queue(message, id, dequeueCount, insertionTime, context);
                        return null;
                    };
                }
                case SERVICE_BUS_QUEUE, SERVICE_BUS_TOPIC -> {
                    JsonNode payload = mutated(random, "invocation-servicebus.json");
                    JsonNode metadata = payload.path("Metadata");
                    String message = broken(random, text(payload.path("Data").get("message")));
                    String messageId = text(metadata.get("MessageId"));
                    int deliveryCount = (int) number(random, metadata.get("DeliveryCount"));
                    String enqueuedTimeUtc = text(metadata.get("EnqueuedTimeUtc"));
                    String properties = broken(random, json(metadata.get("ApplicationProperties")));
                    boolean topic = delegation == Delegation.SERVICE_BUS_TOPIC;
                    yield () -> {
                        if (topic) {
                            azure.serviceBusTopic(message, messageId, deliveryCount, enqueuedTimeUtc, properties, context);
                        } else {
                            azure.serviceBusQueue(message, messageId, deliveryCount, enqueuedTimeUtc, properties, context);
                        }
                        return null;
                    };
                }
                case EVENT_GRID -> {
                    String fixture = EVENT_GRID_FIXTURES.get(random.nextInt(EVENT_GRID_FIXTURES.size()));
                    String event = new String(PayloadMutations.mutate(random, tree(fixture), Fixtures.bytes(fixture)),
                            StandardCharsets.UTF_8);
                    yield () -> {
                        azure.eventGrid(event, context);
                        return null;
                    };
                }
                case TIMER -> {
                    String timerInfo = broken(random, json(mutated(random, "invocation-timer.json").path("Data").get("myTimer")));
                    yield () -> {
                        azure.timer(timerInfo, context);
                        return null;
                    };
                }
                case BLOB -> {
                    JsonNode payload = mutated(random, "invocation-blob.json");
                    JsonNode metadata = payload.path("Metadata");
                    String content = text(payload.path("Data").get("myBlob"));
                    byte[] bytes = content == null ? null : broken(random, content).getBytes(StandardCharsets.UTF_8);
                    String blobPath = text(metadata.get("BlobTrigger"));
                    String uri = text(metadata.get("Uri"));
                    String properties = broken(random, json(metadata.get("Properties")));
                    String userMetadata = broken(random, json(metadata.get("Metadata")));
                    yield () -> {
                        azure.blob(bytes, blobPath, uri, properties, userMetadata, context);
                        return null;
                    };
                }
                case EVENT_HUBS -> {
                    JsonNode payload = mutated(random, "invocation-eventhubs.json");
                    JsonNode metadata = payload.path("Metadata");
                    List<String> messages = texts(payload.path("Data").get("events"));
                    String partition = broken(random, json(metadata.get("PartitionContext")));
                    String system = broken(random, json(metadata.get("SystemPropertiesArray")));
                    String properties = broken(random, json(metadata.get("PropertiesArray")));
                    yield () -> {
                        azure.eventHubs(messages, partition, system, properties, context);
                        return null;
                    };
                }
                case COSMOS_DB -> {
                    String documents = broken(random, json(mutated(random, "invocation-cosmos.json").path("Data")
                            .get("documents")));
                    String container = random.nextInt(10) == 0 ? "" : "courses";
                    yield () -> {
                        azure.cosmosDb(container, documents, context);
                        return null;
                    };
                }
            };
            String label = "seed " + SEED + " case " + n + " (" + delegation + (useTyped ? ", typed" : "") + ")";
            Object outcome = runBounded(label, invocation);
            if (delegation == Delegation.HTTP) {
                HttpResponseMessage response = (HttpResponseMessage) outcome;
                int status = response.getStatusCode();
                assertThat(status).as(label + " status for " + httpCase.description() + ": " + body(response))
                        .isBetween(200, httpCase.wellFormed() ? 299 : 499);
                outcomes.computeIfAbsent(delegation, d -> new int[2])[status < 300 ? 0 : 1]++;
            } else {
                outcomes.computeIfAbsent(delegation, d -> new int[2])[outcome == null ? 0 : 1]++;
            }
        }
        // Each delegation must both run the function and refuse input often enough, or it is not testing much.
        int perDelegation = CASES / Delegation.values().length;
        outcomes.forEach((delegation, counts) -> {
            assertThat(counts[0]).as(delegation + " cases that succeeded").isGreaterThan(perDelegation / 20);
            assertThat(counts[1]).as(delegation + " cases that were refused").isGreaterThan(perDelegation / 20);
        });
        assertThat(outcomes).hasSize(Delegation.values().length);
    }

    /**
     * Runs one case on the worker within the bound.
     *
     * @return what the case returned, or the failure it threw when that is one HostFailures throws
     */
    private static Object runBounded(String label, Callable<Object> invocation) throws InterruptedException {
        Future<Object> result = worker.submit(invocation);
        try {
            return result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof PermanentFailure || cause instanceof RetryableException) {
                assertThat(cause.getMessage()).as(label).isNotBlank();
                return cause;
            }
            throw new AssertionError(label + " ended in an unclassified " + cause, cause);
        } catch (TimeoutException hung) {
            result.cancel(true);
            fail(label + " did not finish within " + CASE_TIMEOUT_SECONDS + " s");
            return null;
        }
    }

    private static final List<String> EVENT_GRID_FIXTURES = List.of("eventgrid-blob-created.json",
            "cloudevents-blob-created.json", "eventgrid-blob-deleted.json", "eventgrid-custom-topic.json",
            "cloudevents-custom-binary.json");

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
        "BREW", "get", ""};
    private static final String[] SEGMENTS = {"42", "%20", "%E2%9C%93", "%F0%9F%98%80", "%zz", "%", "%C3%28", "a%2Fb",
        "..", ";x=1", "é", "😀", "{id}", "+", "%00", "%25", "", "a b", "中文"};
    private static final String[] HEADER_NAMES = {"X-Fuzz", "x-émoji-😀", "Traceparent", "Content-Type", "Accept",
        "Content-Length", "Cookie", "Authorization", "x-ms-client-principal", ""};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/json; charset=utf-8",
        "application/json; charset=nope", "application/x-www-form-urlencoded", ";;;", "😀/😀"};

    /**
     * A well-formed POST of an {@link Item} one time in four; else the recorded HTTP invocation, mutated, with a random
     * method, path, headers and body on top, where a method or URL the double cannot parse is bound as an incomplete
     * request, as a worker that could not read them would.
     */
    private static HttpCase httpCase(Random random) {
        if (random.nextInt(4) == 0) {
            String name = randomText(random).replace("\uD800", "");
            String body = "{\"name\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(name) + ",\"size\":"
                    + random.nextInt(1000) + "}";
            Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Fuzz",
                    randomText(random).replace('\n', ' '));
            String url = "http://localhost:7071/api/orders/o-" + random.nextInt(1000) + "?q=%F0%9F%98%80";
            return new HttpCase(random.nextBoolean()
                    ? FakeHttpRequestMessage.binary("POST", url, headers, body.getBytes(StandardCharsets.UTF_8))
                    : FakeHttpRequestMessage.text("POST", url, headers, body), true, "POST " + url + " " + body);
        }
        JsonNode request = mutated(random, "invocation-http.json").path("Data").path("req");
        String method = random.nextBoolean() ? text(request.get("Method")) : METHODS[random.nextInt(METHODS.length)];
        String url = text(request.get("Url"));
        if (random.nextBoolean()) {
            StringBuilder path = new StringBuilder("http://localhost:7071/api/orders");
            for (int i = 0, segments = random.nextInt(3); i < segments; i++) {
                path.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            if (random.nextBoolean()) {
                path.append('?').append(SEGMENTS[random.nextInt(SEGMENTS.length)]).append('=')
                        .append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            url = path.toString();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode recorded = request.get("Headers");
        if (recorded != null && recorded.isObject()) {
            recorded.properties().forEach(header -> {
                List<String> values = texts(header.getValue());
                if (values != null) {
                    headers.put(header.getKey(), String.join(", ", values.stream().map(String::valueOf).toList()));
                }
            });
        }
        for (int i = 0, count = random.nextInt(4); i < count; i++) {
            headers.put(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)], randomText(random).replace('\n', ' '));
        }
        if (random.nextBoolean()) {
            headers.put("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
        }
        String body = random.nextBoolean() ? text(request.get("Body")) : randomBody(random);
        HostRequest host;
        try {
            host = HostRequest.of(method, url, headers);
        } catch (RuntimeException unparseable) {
            host = HostRequest.incomplete(method, url);
        }
        FakeHttpRequestMessage<?> message = random.nextBoolean()
                ? FakeHttpRequestMessage.bind(host, body == null ? null : body.getBytes(StandardCharsets.UTF_8))
                : FakeHttpRequestMessage.bind(host, body);
        return new HttpCase(message, false, message + " " + headers + " body "
                + (body == null ? "none" : body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }

    /** A request for the HTTP delegation; a well-formed one must be answered 2xx. */
    private record HttpCase(FakeHttpRequestMessage<?> message, boolean wellFormed, String description) {
    }

    private static String body(HttpResponseMessage response) {
        Object body = response.getBody();
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    private static String randomBody(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "{\"name\":";
            case 2 -> "{\"name\":\"n\",\"size\":\"big\"}";
            case 3 -> "[".repeat(random.nextInt(5_000));
            case 4 -> "{\"name\":\"" + "é".repeat(40_000 + random.nextInt(20_000)) + "\"}";
            case 5 -> "{\"size\":" + "9".repeat(1 + random.nextInt(3_000)) + "}";
            case 6 -> "{\"name\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(randomText(random)) + ",\"size\":3}";
            case 7 -> null;
            default -> randomText(random);
        };
    }

    /** The invocation's context: sometimes with a trace (valid or not) and a retry count, as the worker gives them. */
    private static ExecutionContext context(Random random, int n) {
        FakeExecutionContext.Builder context = FakeExecutionContext.builder().invocationId("inv-" + n).functionName("fuzz");
        switch (random.nextInt(4)) {
            case 0 -> context.traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            case 1 -> context.traceparent(randomText(random));
            default -> {
            }
        }
        if (random.nextInt(4) == 0) {
            context.retryCount(random.nextInt(6));
        }
        return context.build();
    }

    private static JsonNode tree(String fixture) {
        try {
            return CODEC.readTree(Fixtures.bytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode mutated(Random random, String fixture) {
        return PayloadMutations.mutateTree(random, tree(fixture), random.nextInt(5) == 0);
    }

    /** One in five values, when there is one, has its bytes truncated, made invalid UTF-8 or replaced by deep nesting. */
    private static String broken(Random random, String value) {
        if (value == null || random.nextInt(5) != 0) {
            return value;
        }
        return new String(PayloadMutations.mutateBytes(random, value.getBytes(StandardCharsets.UTF_8), random.nextInt(3)),
                StandardCharsets.UTF_8);
    }

    /** A retyped binding arrives as the text the worker would bind: a string's value, anything else's JSON. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** A metadata value the worker hands over as JSON text. */
    private static String json(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    /** A number binding: the mutated value when it is one, else what a lenient binder makes of it. */
    private static long number(Random random, JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.longValue();
        }
        long[] odd = {0, -1, 1, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        return odd[random.nextInt(odd.length)];
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(text(element)));
        } else {
            texts.add(text(node));
        }
        return texts;
    }

    /** Up to 60 code points of ASCII, Latin, CJK, emoji, quotes, backslashes, controls and a lone surrogate. */
    private static String randomText(Random random) {
        int[] pool = {'a', 'Z', '0', ' ', '"', '\\', '/', '%', '{', '}', '\n', '\t', 0x7f, 'é', 'ß', 0x4e2d, 0x1F600,
            0x1F9D1, 0x200D, 0xFE0F, 0xD800};
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = random.nextInt(60); i < length; i++) {
            int codePoint = pool[random.nextInt(pool.length)];
            if (codePoint == 0xD800) {
                text.append((char) codePoint);
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
