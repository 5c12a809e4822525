package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.doubles.gcp.FakeBackgroundContext;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
 * Fuzzes the Functions Framework entries themselves, not only the decoder the CLI uses: mutated recorded events
 * through {@link GcpCloudEventFunction#accept} and {@link GcpBackgroundFunction#accept}, and random requests through
 * {@link GcpHttpFunction#service}. Each case runs on a worker thread within a bound; an event ends in a normal return
 * or a {@link PermanentFailure} / {@link RetryableException} (what the framework turns into a redelivery), a request
 * in a response below 500. Rerun a failure with the seed ({@code -Dgcp.fuzz.seed}) and case in its message.
 */
class GcpEntryFuzzTest {

    private static final long SEED = Long.getLong("gcp.fuzz.seed", 0x5EED_2026L);
    private static final int EVENT_CASES = 4_000;
    private static final int HTTP_CASES = 4_000;
    private static final long CASE_TIMEOUT_SECONDS = 10;

    /** What a function bound to a small record gets; a mismatched event must be a permanent binding failure. */
    record Item(String name, int size) {
    }

    private static final EventFunction<JsonNode> ANY_DATA = new EventFunction<>() {
        @Override
        public void handle(Event<JsonNode> event, Context context) {
            // accepts everything: the fuzz is about the entry, not the function
        }
    };
    private static final EventFunction<Item> TYPED_DATA = new EventFunction<>() {
        @Override
        public void handle(Event<Item> event, Context context) {
            // binding happened before this runs
        }
    };

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gcp-entry-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void everyMutatedCloudEventThroughTheFrameworkEntryEndsInSuccessOrAClassifiedFailure() throws Exception {
        Random random = new Random(SEED);
        List<JsonNode> seeds = GcpEventMutations.cloudEventSeeds();
        GcpCloudEventFunction anyData = new GcpCloudEventFunction(ANY_DATA);
        GcpCloudEventFunction typed = new GcpCloudEventFunction(TYPED_DATA);
        Tally tally = new Tally();
        for (int n = 0; n < EVENT_CASES; n++) {
            JsonNode mutated = GcpEventMutations.mutateTree(seeds.get(random.nextInt(seeds.size())),
                    random.nextInt(5) == 0, random);
            FakeCloudEvent event = frameworkEvent(mutated, random);
            boolean useTyped = random.nextInt(4) == 0;
            if (event == null) {
                tally.skipped++;
                continue;
            }
            GcpCloudEventFunction entry = useTyped ? typed : anyData;
            tally.count(useTyped, runBounded("seed " + SEED + " CloudEvent case " + n + " " + event, () -> {
                entry.accept(event);
                return null;
            }));
        }
        tally.assertBothOutcomesOftenEnough(EVENT_CASES);
    }

    @Test
    void everyMutatedLegacyEventThroughTheBackgroundEntryEndsInSuccessOrAClassifiedFailure() throws Exception {
        Random random = new Random(SEED);
        List<JsonNode> seeds = GcpEventMutations.legacySeeds();
        GcpBackgroundFunction anyData = new GcpBackgroundFunction(ANY_DATA);
        GcpBackgroundFunction typed = new GcpBackgroundFunction(TYPED_DATA);
        Tally tally = new Tally();
        for (int n = 0; n < EVENT_CASES; n++) {
            JsonNode mutated = GcpEventMutations.mutateTree(seeds.get(random.nextInt(seeds.size())),
                    random.nextInt(5) == 0, random);
            JsonNode context = mutated.path("context");
            FakeBackgroundContext backgroundContext = new FakeBackgroundContext(text(context.get("eventId")),
                    text(context.get("timestamp")), text(context.get("eventType")), resource(context.get("resource"), random));
            String json = data(mutated.get("data"), random);
            boolean useTyped = random.nextInt(4) == 0;
            GcpBackgroundFunction entry = useTyped ? typed : anyData;
            tally.count(useTyped, runBounded("seed " + SEED + " background case " + n + " " + backgroundContext, () -> {
                entry.accept(json, backgroundContext);
                return null;
            }));
        }
        tally.assertBothOutcomesOftenEnough(EVENT_CASES);
    }

    @Test
    void everyRandomRequestThroughTheHttpEntryGetsAResponseBelow500() throws Exception {
        Random random = new Random(SEED);
        HttpRouter router = HttpRouter.builder()
                .post("/orders/{id}", (request, context) -> {
                    Item item = request.bodyAs(Item.class);
                    return HttpResponse.status(201).json(Map.of("id", request.pathParameter("id").orElse(""),
                            "name", String.valueOf(item.name()), "traced", request.header("traceparent").isPresent()));
                })
                .get("/orders/{id}", (request, context) -> HttpResponse.ok().json(Map.of(
                        "id", request.pathParameter("id").orElse(""), "headers", request.headers().size(),
                        "query", request.query().size(), "requestId", context.requestId())))
                .build();
        GcpHttpFunction entry = new GcpHttpFunction(PortableFunction.http(router)
                .withLimits(Limits.defaults().withMaxBodyBytes(64 * 1024)));
        int succeeded = 0;
        int refused = 0;
        for (int n = 0; n < HTTP_CASES; n++) {
            boolean wellFormed = random.nextInt(4) == 0;
            FakeHttpRequest request = wellFormed ? wellFormedRequest(random) : randomRequest(random);
            String label = "seed " + SEED + " HTTP case " + n + " " + request;
            Object outcome = runBounded(label, () -> {
                FakeHttpResponse response = new FakeHttpResponse();
                entry.service(request, response);
                return response;
            });
            if (!(outcome instanceof FakeHttpResponse response)) {
                throw new AssertionError(label + " threw out of service()", (Throwable) outcome);
            }
            if (wellFormed) {
                assertThat(response.statusCode()).as(label + ": " + response.bodyAsString()).isBetween(200, 299);
            } else {
                assertThat(response.statusCode()).as(label + ": " + response.bodyAsString()).isBetween(200, 499);
            }
            if (response.statusCode() < 300) {
                succeeded++;
            } else {
                refused++;
            }
        }
        assertThat(succeeded).as("requests answered 2xx").isGreaterThan(HTTP_CASES / 5);
        assertThat(refused).as("requests answered 4xx").isGreaterThan(HTTP_CASES / 5);
    }

    /** Counts each function's outcomes; every outcome counted is a normal return or a classified failure. */
    private static final class Tally {
        int skipped;
        final int[] returned = new int[2];
        final int[] failed = new int[2];

        void count(boolean typed, Object outcome) {
            int function = typed ? 1 : 0;
            if (outcome == null) {
                returned[function]++;
            } else {
                failed[function]++;
            }
        }

        void assertBothOutcomesOftenEnough(int cases) {
            assertThat(returned[0]).as("untyped events that ran").isGreaterThan(cases / 10);
            assertThat(failed[0]).as("untyped events refused").isGreaterThan(cases / 20);
            assertThat(returned[1]).as("typed events that ran").isGreaterThan(cases / 100);
            assertThat(failed[1]).as("typed events refused").isGreaterThan(cases / 20);
            assertThat(skipped).as("cases the framework would not have delivered").isLessThan(cases / 2);
        }
    }

    /**
     * Runs one case on the worker within the bound.
     *
     * @return what the case returned, or the classified failure it threw
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

    /**
     * Builds the event the framework would hand over from a mutated structured event, or {@code null} when the
     * mutation broke what the framework requires before calling the function: a non-empty text {@code id},
     * {@code source} (a URI reference) and {@code type}, and a parseable {@code time} when there is one.
     */
    private static FakeCloudEvent frameworkEvent(JsonNode event, Random random) {
        JsonNode id = event.get("id");
        JsonNode source = event.get("source");
        JsonNode type = event.get("type");
        JsonNode time = event.get("time");
        if (!nonEmptyText(id) || !nonEmptyText(source) || !nonEmptyText(type)) {
            return null;
        }
        OffsetDateTime parsedTime = null;
        if (time != null && !time.isNull()) {
            try {
                parsedTime = OffsetDateTime.parse(time.textValue() == null ? "" : time.textValue());
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
        FakeCloudEvent.Builder builder = FakeCloudEvent.builder().id(id.textValue()).type(type.textValue());
        try {
            builder.source(source.textValue());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
        String data = data(event.get("data"), random);
        builder.time(parsedTime).subject(text(event.get("subject"))).dataContentType(text(event.get("datacontenttype")))
                .data(data == null ? null : dataBytes(data, random));
        for (int i = 0, extensions = random.nextInt(4); i < extensions; i++) {
            builder.extension(EXTENSION_NAMES[random.nextInt(EXTENSION_NAMES.length)], extensionValue(random));
        }
        return builder.build();
    }

    private static final String[] EXTENSION_NAMES = {"traceparent", "tracestate", "knativearrivaltime", "attributes",
        "ordering", "x😀", "partitionkey"};

    private static Object extensionValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            case 1 -> "00-" + "z".repeat(32) + "-" + "0".repeat(16) + "-01";
            case 2 -> randomText(random);
            case 3 -> random.nextInt();
            case 4 -> random.nextBoolean();
            case 5 -> randomText(random).getBytes(StandardCharsets.UTF_8);
            default -> URI.create("https://example.com/" + random.nextInt(100));
        };
    }

    /** The data as the framework would hold it: the mutated JSON, its bytes sometimes mutated too. */
    private static byte[] dataBytes(String data, Random random) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return bytes.length > 0 && random.nextInt(4) == 0
                ? GcpEventMutations.mutateBytes(bytes, random.nextInt(3), random) : bytes;
    }

    /** @return the data's JSON with any deep nesting spliced in, {@code null} when the mutation removed it */
    private static String data(JsonNode data, Random random) {
        if (data == null) {
            return null;
        }
        String json = GcpEventMutations.withNesting(data.toString());
        return random.nextInt(10) == 0 ? new String(dataBytes(json, random), StandardCharsets.UTF_8) : json;
    }

    /** The framework hands the resource over as JSON text: an object, a quoted string or a bare name. */
    private static String resource(JsonNode resource, Random random) {
        if (resource == null || resource.isNull()) {
            return null;
        }
        return resource.isTextual() && random.nextBoolean() ? resource.textValue() : resource.toString();
    }

    private static boolean nonEmptyText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty();
    }

    /** A retyped attribute arrives as the text the framework would read: a header's or JSON member's value. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "BREW", "get",
        "GÉT", ""};
    private static final String[] SEGMENTS = {"o-1", "%20", "%E2%9C%93", "%F0%9F%98%80", "%zz", "%", "%C3", "%C3%28",
        "a%2Fb", "..", ".", ";x=1", "é", "😀", "{id}", "+", "%00", "%2e%2e", "%25", "", "\u0000", "a b", "中文"};
    private static final String[] HEADER_NAMES = {"X-Fuzz", "x-émoji-😀", "traceparent", "X-Cloud-Trace-Context",
        "function-execution-id", "Accept", "Content-Length", "Cookie", "Authorization", ""};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/json; charset=utf-8",
        "application/json; charset=latin1", "application/json; charset=nope", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", ";;;", "😀/😀"};

    /** A POST the router accepts: an id path parameter and a JSON body of an {@link Item}, with random Unicode. */
    private static FakeHttpRequest wellFormedRequest(Random random) {
        String name = randomText(random).replace("\uD800", "");
        String body = "{\"name\":" + jsonString(name) + ",\"size\":"
                + random.nextInt(1000) + "}";
        return FakeHttpRequest.builder("POST", "/orders/o-" + random.nextInt(1000))
                .header("Content-Type", "application/json").header("X-Fuzz", randomHeaderValue(random))
                .query("q", randomText(random)).body(body).build();
    }

    /** Any method, path, query, headers and body; a target the double cannot parse as a URI goes in as a raw path. */
    private static FakeHttpRequest randomRequest(Random random) {
        String method = METHODS[random.nextInt(METHODS.length)];
        StringBuilder path = new StringBuilder(random.nextInt(5) == 0 ? "" : "/orders");
        for (int i = 0, segments = random.nextInt(4); i < segments; i++) {
            path.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
        }
        if (random.nextInt(20) == 0) {
            path.append("/x".repeat(2_000 + random.nextInt(5_000)));
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0, parameters = random.nextInt(4); i < parameters; i++) {
            query.append(i == 0 ? "" : "&").append(SEGMENTS[random.nextInt(SEGMENTS.length)]).append('=')
                    .append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0, count = random.nextInt(5); i < count; i++) {
            headers.computeIfAbsent(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)], k -> new ArrayList<>())
                    .add(randomHeaderValue(random));
        }
        if (random.nextBoolean()) {
            headers.put("Content-Type", List.of(CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]));
        }
        byte[] body = randomBody(random);
        String target = path + (query.length() > 0 ? "?" + query : "");
        try {
            return FakeHttpRequest.builder(method, target).headers(headers).body(body).build();
        } catch (IllegalArgumentException notAUri) {
            return FakeHttpRequest.of(method, path.toString(), FakeHttpRequest.HeaderFields.of(headers), body);
        }
    }

    private static byte[] randomBody(Random random) {
        String body = switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{\"name\":";
            case 2 -> "{\"name\":\"n\",\"size\":\"big\"}";
            case 3 -> "[" + "[".repeat(random.nextInt(5_000)) + "]";
            case 4 -> "{\"name\":\"" + "é".repeat(40_000 + random.nextInt(20_000)) + "\"}";
            case 5 -> "{\"size\":" + "9".repeat(1 + random.nextInt(3_000)) + "}";
            case 6 -> "name=a&size=1";
            case 7 -> "null";
            case 8 -> "{\"name\":" + jsonString(randomText(random)) + "}";
            default -> randomText(random);
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bytes.length > 0 && random.nextInt(8) == 0
                ? GcpEventMutations.mutateBytes(bytes, 1 + random.nextInt(2), random) : bytes;
    }

    /** Up to 60 code points of ASCII, Latin, CJK, emoji, quotes, backslashes and controls. */
    private static String randomText(Random random) {
        int[] pool = {'a', 'Z', '0', ' ', '"', '\\', '/', '%', '{', '}', '\n', '\t', 0x7f, 'é', 'ß', 0x4e2d, 0x1F600,
            0x1F9D1, 0x200D, 0xFE0F, 0xD800};
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = random.nextInt(60); i < length; i++) {
            int codePoint = pool[random.nextInt(pool.length)];
            if (codePoint == 0xD800) {
                text.append((char) codePoint);   // a lone surrogate, as a broken client could send
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static String jsonString(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    /** A header value a server would pass on: Unicode and emoji, no line breaks. */
    private static String randomHeaderValue(Random random) {
        return randomText(random).replace('\n', ' ').replace('\r', ' ');
    }
}
