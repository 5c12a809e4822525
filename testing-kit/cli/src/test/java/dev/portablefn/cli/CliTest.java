package dev.portablefn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.AwsEvents;
import dev.portablefn.testing.AwsHttpEvents;
import dev.portablefn.testing.AzureEvents;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.GcpEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Fails on the body "bad", succeeds otherwise. */
    public static final class PickyFunction implements EventFunction<String> {
        @Override
        public void handle(Event<String> event, dev.portablefn.api.Context context) {
            context.logger().info("got {}", event.data());
            if (event.data().equals("bad")) {
                throw new IllegalStateException("cannot handle bad");
            }
        }
    }

    /** Echoes the path. */
    public static final class EchoFunction implements HttpFunction {
        @Override
        public HttpResponse handle(HttpRequest request, dev.portablefn.api.Context context) {
            return HttpResponse.ok().text("you asked for " + request.path());
        }
    }

    /** The entry class a user deploys to Lambda. */
    public static final class EchoHandler extends dev.portablefn.aws.LambdaHandler {
        public EchoHandler() {
            super(new EchoFunction());
        }
    }

    /** The entry class a user deploys to Cloud Functions. */
    public static final class EchoEntry extends dev.portablefn.gcp.GcpHttpFunction {
        public EchoEntry() {
            super(new EchoFunction());
        }
    }

    /** An Azure entry class: delegations in static fields, as Azure's annotated methods call them. */
    public static final class AzureEntry {
        static final dev.portablefn.azure.AzureFunctions ECHO = dev.portablefn.azure.AzureFunctions.of(new EchoFunction());
        static final dev.portablefn.azure.AzureFunctions PICKY = dev.portablefn.azure.AzureFunctions.of(new PickyFunction());
    }

    /** A function whose constructor takes a collaborator, built by its static factory. */
    public static final class GreetingFunction implements HttpFunction {
        private final String greeting;

        GreetingFunction(String greeting) {
            this.greeting = greeting;
        }

        public static GreetingFunction create() {
            return new GreetingFunction("hello");
        }

        @Override
        public HttpResponse handle(HttpRequest request, dev.portablefn.api.Context context) {
            return HttpResponse.ok().text(greeting + " " + request.path());
        }
    }

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String content) throws Exception {
        Path file = Files.createTempFile(dir, "event", ".json");
        Files.writeString(file, content);
        return file;
    }

    private JsonNode stdout() throws Exception {
        return JacksonCodec.standard().readTree(out.toByteArray());
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decodePrintsQueueRecordsWithJsonBodiesAsJson() throws Exception {
        Path event = file("{\"records\":[{\"id\":\"m1\",\"body\":\"{\\\"amount\\\":5}\"},{\"id\":\"m2\",\"body\":\"plain\"}]}");

        int status = run("decode", "--provider", "aws", "--event", event.toString());

        assertThat(status).isZero();
        JsonNode json = stdout();
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        JsonNode first = json.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly(
                "trigger", "id", "source", "type", "subject", "time", "attributes", "data");
        assertThat(first.get("trigger").asText()).isEqualTo("QUEUE");
        assertThat(first.get("id").asText()).isEqualTo("m1");
        assertThat(first.get("time").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(first.get("subject").isNull()).isTrue();
        assertThat(first.get("attributes").get("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(first.get("data").get("amount").asInt()).isEqualTo(5);
        assertThat(json.get(1).get("data").asText()).isEqualTo("plain");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void decodePrintsHttpWithLowerCaseHeaderArrays() throws Exception {
        Path event = file("{\"http\":{\"method\":\"POST\",\"path\":\"/orders\",\"body\":\"{}\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"query\":{\"page\":\"2\"}}}");

        assertThat(run("decode", "--provider=aws", "--event=" + event)).isZero();

        JsonNode request = stdout().get(0);
        assertThat(request.fieldNames()).toIterable().containsExactly(
                "trigger", "method", "path", "query", "headers", "body");
        assertThat(request.get("trigger").asText()).isEqualTo("HTTP");
        assertThat(request.get("method").asText()).isEqualTo("POST");
        assertThat(request.get("headers").get("content-type").get(0).asText()).isEqualTo("application/json");
        assertThat(request.get("query").get("page").get(0).asText()).isEqualTo("2");
        assertThat(request.get("body").asText()).isEqualTo("{}");
    }

    @Test
    void decodePrintsStorageDataFields() throws Exception {
        Path event = file("{\"storage\":{\"bucket\":\"b\",\"key\":\"k.txt\"}}");

        assertThat(run("decode", "--provider", "AWS", "--event", event.toString())).isZero();

        JsonNode data = stdout().get(0).get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("bucket", "key", "size", "contentType", "etag", "change");
        assertThat(data.get("size").asLong()).isEqualTo(12L);
        assertThat(data.get("change").asText()).isEqualTo("CREATED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"other\":1}", "{\"records\":[{\"body\":\"x\"}]}", "[]"})
    void malformedInputExitsWithStatus2AndOneLine(String content) throws Exception {
        Path event = file(content);

        int status = run("decode", "--provider", "aws", "--event", event.toString());

        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(stderr()).startsWith("portablefn decode: " + event + " is not a aws event: ")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void wrongArgumentsExitWithStatus2AndOneLine() throws Exception {
        Path event = file("{}");
        String[][] cases = {
            {"decode", "--provider", "oracle", "--event", event.toString()},
            {"decode", "--provider", "aws"},
            {"decode", "--provider", "aws", "--event", dir.resolve("missing.json").toString()},
            {"decode", "--provider", "gcp", "--event", event.toString()},
            {"decode", "--colour", "red"},
            {"decode", "--provider"},
            {"frobnicate"},
            {"invoke", "--provider", "aws", "--function", "com.example.Missing", "--event", event.toString()},
            {"invoke", "--provider", "aws", "--function", PickyFunction.class.getName(), "--classpath",
                dir.resolve("nope.jar").toString(), "--event", event.toString()},
            {"serve", "--function", PickyFunction.class.getName(), "--port", "0"},
            {"serve", "--function", EchoFunction.class.getName(), "--port", "99999"},
            {},
        };
        for (String[] args : cases) {
            out.reset();
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(stderr()).as(String.join(" ", args)).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:");
            if (args.length > 0) {
                assertThat(stderr()).as(String.join(" ", args)).hasLineCount(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "invoke", "serve"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: portablefn " + command);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void invokeOnAwsPrintsTheHandlersBatchItemFailures() throws Exception {
        Path event = dir.resolve("sqs.json");
        Files.write(event, AwsEvents.sqs("good", "bad"));

        int status = run("invoke", "--provider", "aws", "--function", PickyFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).isEqualTo(1);
        JsonNode response = stdout();
        assertThat(response.fieldNames()).toIterable().containsExactly("batchItemFailures");
        assertThat(response.get("batchItemFailures")).hasSize(1);
        assertThat(response.get("batchItemFailures").get(0).get("itemIdentifier").asText()).isEqualTo("message-2");
        assertThat(stderr()).contains("INFO got good").contains("INFO got bad");
    }

    @Test
    void invokeOnAwsPrintsTheApiGatewayResponse() throws Exception {
        Path event = dir.resolve("http.json");
        Files.write(event, AwsHttpEvents.apiGatewayV2(Events.http("GET", "/courses/7").build()));

        int status = run("invoke", "--provider", "aws", "--function", EchoFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).isZero();
        JsonNode response = stdout();
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("body").asText()).isEqualTo("you asked for /courses/7");
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void invokeOnGcpPrintsTheFrameworksHttpResponse() throws Exception {
        Path request = dir.resolve("request.http");
        Files.write(request, GcpEvents.http(Events.http("GET", "/courses/8").build()));
        Path event = dir.resolve("pubsub.json");
        Files.write(event, GcpEvents.pubsub("m-1", "bad", java.util.Map.of()));

        assertThat(run("invoke", "--provider", "gcp", "--function", EchoFunction.class.getName(),
                "--event", request.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("you asked for /courses/8");

        out.reset();
        assertThat(run("invoke", "--provider", "gcp", "--function", PickyFunction.class.getName(),
                "--event", event.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 500 ");
        assertThat(stderr()).contains("INFO got bad").contains("invocation failed: ");
    }

    @Test
    void invokeOnAzurePrintsTheWorkersInvocationResponse() throws Exception {
        Path event = dir.resolve("queue.json");
        Files.write(event, AzureEvents.queue("good"));

        int status = run("invoke", "--provider", "azure", "--function", PickyFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).isZero();
        JsonNode response = stdout();
        assertThat(response.get("result").get("status").asText()).isEqualTo("Success");
        assertThat(response.get("invocationId").asText()).isNotBlank();
        assertThat(stderr()).contains("INFO got good");
    }

    @Test
    void invokeLoadsTheFunctionFromTheGivenClasspath() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/example"));
        Files.writeString(sources.resolve("Hello.java"), """
                package example;
                public class Hello implements dev.portablefn.api.HttpFunction {
                    public dev.portablefn.api.http.HttpResponse handle(dev.portablefn.api.http.HttpRequest request,
                            dev.portablefn.api.Context context) {
                        return dev.portablefn.api.http.HttpResponse.ok().text("hello from the jar");
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), sources.resolve("Hello.java").toString());
        assertThat(compiled).isZero();
        Path event = dir.resolve("http.json");
        Files.write(event, AzureEvents.http(Events.http("GET", "/hi").build()));

        int status = run("invoke", "--provider", "azure", "--function", "example.Hello", "--classpath",
                classes.toString(), "--event", event.toString());

        assertThat(status).as(stderr()).isZero();
        JsonNode http = stdout().get("returnValue").get("http");
        assertThat(http.get("statusCode").asText()).isEqualTo("200");
        assertThat(http.get("body").get("string").asText()).isEqualTo("hello from the jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void invokeRejectsAPayloadOfNoKnownShapeWithStatus2AndOneLine(String provider) throws Exception {
        Path event = file("{\"what\": 1}");

        int status = run("invoke", "--provider", provider, "--function", PickyFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(stderr()).startsWith("portablefn invoke: " + event + " is not a " + provider + " payload: ")
                .hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:dev.portablefn.cli.CliTest$EchoHandler", "gcp:dev.portablefn.cli.CliTest$EchoEntry"})
    void invokeRunsTheEntryClassAUserDeploys(String providerAndClass) throws Exception {
        String provider = providerAndClass.substring(0, providerAndClass.indexOf(':'));
        Path event = dir.resolve("request");
        Files.write(event, provider.equals("aws") ? AwsHttpEvents.apiGatewayV2(Events.http("GET", "/courses/9").build())
                : GcpEvents.http(Events.http("GET", "/courses/9").build()));

        int status = run("invoke", "--provider", provider, "--function",
                providerAndClass.substring(provider.length() + 1), "--event", event.toString());

        assertThat(status).as(stderr()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("you asked for /courses/9");
    }

    @Test
    void invokeBuildsAFunctionWithCollaboratorsThroughItsStaticCreate() throws Exception {
        Path event = dir.resolve("http.json");
        Files.write(event, AwsHttpEvents.apiGatewayV2(Events.http("GET", "/world").build()));

        int status = run("invoke", "--provider", "aws", "--function", GreetingFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).as(stderr()).isZero();
        assertThat(stdout().get("body").asText()).isEqualTo("hello /world");
    }

    @Test
    void invokeRejectsAMalformedApiGatewayEventWithTheDecodersReason() throws Exception {
        JsonNode valid = JacksonCodec.standard().readTree(AwsHttpEvents.apiGatewayV2(Events.http("GET", "/x").build()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) valid.get("requestContext").get("http")).remove("method");
        Path event = file(valid.toString());

        int status = run("invoke", "--provider", "aws", "--function", EchoFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(stderr()).startsWith("portablefn invoke: " + event + " is not a aws payload: ").contains("method")
                .hasLineCount(1);
    }

    @Test
    void invokeRunsTheFunctionAnAzureEntryClassDelegatesToNamedByItsField() throws Exception {
        Path event = dir.resolve("http.json");
        Files.write(event, AzureEvents.http(Events.http("GET", "/api/courses/4").build()));

        int ambiguous = run("invoke", "--provider", "azure", "--function", AzureEntry.class.getName(),
                "--event", event.toString());
        assertThat(ambiguous).isEqualTo(2);
        assertThat(stderr()).contains("#FIELD").contains("ECHO").contains("PICKY");

        err.reset();
        int status = run("invoke", "--provider", "azure", "--function", AzureEntry.class.getName() + "#echo",
                "--event", event.toString());
        assertThat(status).as(stderr()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("you asked for /");
    }
}
