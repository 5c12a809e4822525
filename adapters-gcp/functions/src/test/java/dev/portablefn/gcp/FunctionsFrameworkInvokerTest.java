package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.gcp.it.ItBackgroundEntry;
import dev.portablefn.gcp.it.ItCloudEventEntry;
import dev.portablefn.gcp.it.ItHttpEntry;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the entry classes in the real Functions Framework invoker ({@code java-function-invoker}, copied to
 * {@code target/invoker} by the build) in child JVMs, one per target, and talks HTTP to them.
 */
class FunctionsFrameworkInvokerTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    private static Invoker http;
    private static Invoker cloudEvents;
    private static Invoker background;

    @BeforeAll
    static void startInvokers() throws Exception {
        Files.createDirectories(work.resolve("events"));
        http = Invoker.start(ItHttpEntry.class, "http");
        cloudEvents = Invoker.start(ItCloudEventEntry.class, "cloudevents");
        background = Invoker.start(ItBackgroundEntry.class, "background");
        http = http.awaitReady();
        cloudEvents = cloudEvents.awaitReady();
        background = background.awaitReady();
    }

    @AfterAll
    static void stopInvokers() throws InterruptedException {
        for (Invoker invoker : new Invoker[] {http, cloudEvents, background}) {
            if (invoker != null) {
                invoker.stop();
            }
        }
    }

    @Test
    void httpRequestAndResponseCrossTheRealFrameworkIntact() throws Exception {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(http.uri("/echo/a%20b?x=1&x=2"))
                .header("X-Multi", "one").header("X-Multi", "two").header("Function-Execution-Id", "exec-42")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("Set-Cookie")).hasSize(2)
                .anySatisfy(cookie -> assertThat(cookie).startsWith("session=s1"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("theme=dark"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(String.join(",", response.headers().allValues("X-Echo"))).contains("a").contains("b");
        JsonNode seen = TestEvents.CODEC.readTree(response.body());
        assertThat(seen.get("method").asText()).isEqualTo("POST");
        assertThat(seen.get("path").asText()).isEqualTo("/echo/a b");
        assertThat(seen.get("x")).isEqualTo(TestEvents.json("[\"1\",\"2\"]"));
        assertThat(seen.get("multi")).isEqualTo(TestEvents.json("[\"one\",\"two\"]"));
        assertThat(Base64.getDecoder().decode(seen.get("body").asText())).containsExactly(body);
        assertThat(seen.get("requestId").asText()).isEqualTo("exec-42");
        assertThat(seen.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen.get("functionName").asText()).isEqualTo("it-http");
    }

    @Test
    void httpFailuresBecomeProblemResponses() throws Exception {
        HttpResponse<String> missing = CLIENT.send(HttpRequest.newBuilder(http.uri("/missing")).build(),
                BodyHandlers.ofString());
        HttpResponse<String> busy = CLIENT.send(HttpRequest.newBuilder(http.uri("/busy")).build(), BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("nothing at /missing");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void binaryModeCloudEventReachesTheFunction() throws Exception {
        int status = sendBinaryPubsub(cloudEvents, "bin-1", "hello binary", "");

        assertThat(status).isEqualTo(200);
        JsonNode seen = recorded("bin-1");
        assertThat(seen.get("trigger").asText()).isEqualTo("TOPIC");
        assertThat(seen.get("source").asText()).isEqualTo("//pubsub.googleapis.com/projects/p/topics/t");
        assertThat(seen.get("type").asText()).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
        assertThat(seen.get("time").asText()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(seen.get("data").asText()).isEqualTo("hello binary");
        assertThat(seen.get("attributes").get("k").asText()).isEqualTo("v");
        assertThat(seen.get("requestId").asText()).isEqualTo("bin-1");
        assertThat(seen.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen.get("functionName").asText()).isEqualTo("it-cloudevents");
    }

    @Test
    void structuredModeCloudEventReachesTheFunction() throws Exception {
        String cloudEvent = TestEvents.cloudEvent("str-1", "//storage.googleapis.com/projects/_/buckets/some-bucket",
                "google.cloud.storage.object.v1.finalized", "objects/folder/Test.cs", "2020-04-23T07:38:57.772Z",
                TestEvents.fixture("storage-StorageObjectData-simple.json")).toString();

        int status = post(cloudEvents, "application/cloudevents+json", cloudEvent, List.of());

        assertThat(status).isEqualTo(200);
        JsonNode seen = recorded("str-1");
        assertThat(seen.get("trigger").asText()).isEqualTo("STORAGE");
        assertThat(seen.get("subject").asText()).isEqualTo("objects/folder/Test.cs");
        assertThat(seen.get("data").get("bucket").asText()).isEqualTo("some-bucket");
        assertThat(seen.get("data").get("key").asText()).isEqualTo("folder/Test.cs");
        assertThat(seen.get("data").get("size").asLong()).isEqualTo(352L);
        assertThat(seen.get("data").get("change").asText()).isEqualTo("CREATED");
    }

    @Test
    void legacyEventLooksTheSameToCloudEventAndBackgroundEntries() throws Exception {
        int viaCloudEvents = post(cloudEvents, "application/json", legacyPubsub("leg-1", ""), List.of());
        int viaBackground = post(background, "application/json", legacyPubsub("leg-2", ""), List.of());

        assertThat(viaCloudEvents).isEqualTo(200);
        assertThat(viaBackground).isEqualTo(200);
        JsonNode first = recorded("leg-1");
        JsonNode second = recorded("leg-2");
        assertThat(first.get("source").asText()).isEqualTo("//pubsub.googleapis.com/projects/p/topics/t");
        assertThat(first.get("type").asText()).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
        assertThat(first.get("time").asText()).isEqualTo("2024-01-02T03:04:05.678Z");
        assertThat(first.get("data").asText()).isEqualTo("legacy hello");
        assertThat(first.get("attributes")).isEqualTo(TestEvents.json("{\"k\":\"v\"}"));
        for (String field : List.of("source", "type", "subject", "time", "trigger", "data", "attributes")) {
            assertThat(second.get(field)).as(field).isEqualTo(first.get(field));
        }
    }

    @Test
    void retryableFailureGivesTheStatusThatTriggersARetry() throws Exception {
        assertThat(sendBinaryPubsub(cloudEvents, "retry-1", "x", "retry")).isEqualTo(500);
        assertThat(post(background, "application/json", legacyPubsub("retry-2", "retry"), List.of())).isEqualTo(500);
        assertThat(recorded("retry-1").get("id").asText()).isEqualTo("retry-1");
    }

    @Test
    void permanentFailureAndUndecodableEventGive500SoPubSubRedeliversThenDeadLetters() throws Exception {
        assertThat(sendBinaryPubsub(cloudEvents, "perm-1", "x", "permanent")).isEqualTo(500);
        int undecodable = post(cloudEvents, "application/json", "{\"subscription\":\"s\"}", List.of(
                "ce-specversion", "1.0", "ce-id", "bad-1", "ce-source", "//pubsub.googleapis.com/projects/p/topics/t",
                "ce-type", "google.cloud.pubsub.topic.v1.messagePublished"));
        assertThat(undecodable).isEqualTo(500);
        assertThat(work.resolve("events/bad-1.json")).doesNotExist();
    }

    @Test
    void permanentFailureRunsTheFunctionOnceWhileAnUndecodableEventNeverRunsIt() throws Exception {
        // Both get the same status (handed back to the platform, or both dead-lettered): what tells them apart is
        // whether the function ran and the reason handed on, which the framework logs with the failure.
        sendBinaryPubsub(cloudEvents, "perm-2", "x", "permanent");
        post(cloudEvents, "application/json", "{\"subscription\":\"s\"}", List.of("ce-specversion", "1.0", "ce-id",
                "bad-2", "ce-source", "//pubsub.googleapis.com/projects/p/topics/t",
                "ce-type", "google.cloud.pubsub.topic.v1.messagePublished"));

        assertThat(calls("perm-2")).isEqualTo(1);
        assertThat(calls("bad-2")).isZero();
        List<String> log = Files.readAllLines(cloudEvents.log());
        assertThat(log).filteredOn(line -> line.contains("event perm-2")).singleElement().satisfies(line ->
                assertThat(line).contains("Caused by: dev.portablefn.api.PermanentFailure: asked to fail permanently")
                        .doesNotContain("EventDecodingException"));
        assertThat(log).filteredOn(line -> line.contains("event bad-2")).singleElement().satisfies(line ->
                assertThat(line).contains("Caused by: dev.portablefn.api.EventDecodingException")
                        .contains("'message' is missing"));
    }

    /** @return how often the recording function ran for the event */
    private static long calls(String eventId) throws IOException {
        try (var files = Files.list(work.resolve("events"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(eventId + ".call-")).count();
        }
    }

    private static int sendBinaryPubsub(Invoker target, String id, String text, String outcome) throws Exception {
        String attributes = outcome.isEmpty() ? "{\"k\":\"v\"}" : "{\"k\":\"v\",\"outcome\":\"" + outcome + "\"}";
        String data = "{\"message\":{\"data\":\"" + base64(text) + "\",\"attributes\":" + attributes
                + "},\"subscription\":\"projects/p/subscriptions/s\"}";
        return post(target, "application/json", data, List.of("ce-specversion", "1.0", "ce-id", id,
                "ce-source", "//pubsub.googleapis.com/projects/p/topics/t",
                "ce-type", "google.cloud.pubsub.topic.v1.messagePublished", "ce-time", "2024-01-02T03:04:05Z",
                "ce-traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    private static String legacyPubsub(String id, String outcome) {
        String attributes = outcome.isEmpty() ? "{\"k\":\"v\"}" : "{\"k\":\"v\",\"outcome\":\"" + outcome + "\"}";
        return "{\"context\":{\"eventId\":\"" + id + "\",\"timestamp\":\"2024-01-02T03:04:05.678Z\","
                + "\"eventType\":\"google.pubsub.topic.publish\",\"resource\":{\"service\":\"pubsub.googleapis.com\","
                + "\"name\":\"projects/p/topics/t\",\"type\":\"type.googleapis.com/google.pubsub.v1.PubsubMessage\"}},"
                + "\"data\":{\"@type\":\"type.googleapis.com/google.pubsub.v1.PubsubMessage\",\"attributes\":"
                + attributes + ",\"data\":\"" + base64("legacy hello") + "\"}}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int post(Invoker target, String contentType, String body, List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri("/")).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return CLIENT.send(request.build(), BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode recorded(String eventId) throws IOException {
        Path file = work.resolve("events/" + eventId + ".json");
        assertThat(file).as("the function recorded event %s; logs:%n%s", eventId, logs()).exists();
        return TestEvents.CODEC.readTree(Files.readAllBytes(file));
    }

    private static String logs() {
        StringBuilder all = new StringBuilder();
        for (Invoker invoker : new Invoker[] {http, cloudEvents, background}) {
            if (invoker != null) {
                all.append(invoker.logTail());
            }
        }
        return all.toString();
    }

    /** One invoker child JVM serving one target. */
    private record Invoker(Class<?> target, String name, int port, Process process, Path log) {

        static Invoker start(Class<?> target, String name) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = work.resolve(name + "-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dgcp.it.out=" + work.resolve("events"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-jar", System.getProperty("gcp.invoker.jar"),
                    "--classpath", functionClasspath(), "--target", target.getName(), "--port", String.valueOf(port)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("K_SERVICE", "it-" + name);
            return new Invoker(target, name, port, builder.start(), log);
        }

        /** The function's classes and libraries, without the framework API the invoker itself provides. */
        private static String functionClasspath() throws IOException {
            String dependencies = Files.readString(Path.of(System.getProperty("gcp.invoker.classpath.file"))).trim();
            List<String> entries = new ArrayList<>();
            entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
            entries.add(Path.of("target", "classes").toAbsolutePath().toString());
            entries.addAll(Arrays.stream(dependencies.split(File.pathSeparator))
                    .filter(jar -> !jar.contains("functions-framework-api") && !jar.contains("cloudevents-api"))
                    .collect(Collectors.toList()));
            return String.join(File.pathSeparator, entries);
        }

        /** Polls until the server answers; starts again on a new port if this one was taken meanwhile. */
        Invoker awaitReady() throws Exception {
            Invoker current = this;
            for (int attempt = 1; ; attempt++) {
                long deadline = System.nanoTime() + STARTUP.toNanos();
                while (current.process.isAlive() && System.nanoTime() < deadline) {
                    try {
                        CLIENT.send(HttpRequest.newBuilder(current.uri("/ready")).timeout(Duration.ofSeconds(5))
                                .GET().build(), BodyHandlers.discarding());
                        return current;
                    } catch (IOException notYet) {
                        // Not listening yet: wait a little on the process itself, which also notices an early exit.
                        try {
                            current.process.onExit().get(100, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException stillRunning) {
                            // poll again
                        }
                    }
                }
                String tail = current.logTail();
                current.stop();
                if (attempt >= 3 || !tail.contains("Address already in use")) {
                    throw new IllegalStateException("invoker for " + target.getName() + " did not start:\n" + tail);
                }
                current = start(target, name);
            }
        }

        URI uri(String pathAndQuery) {
            return URI.create("http://localhost:" + port + pathAndQuery);
        }

        String logTail() {
            try {
                String text = Files.readString(log);
                return "--- " + name + " ---\n" + (text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            } catch (IOException e) {
                return "--- " + name + ": no log (" + e + ")\n";
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
