package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs handlers in a child JVM under the real {@code aws-lambda-java-runtime-interface-client}, talking
 * to an in-test Runtime API: what Lambda itself does, minus the cloud.
 */
class LambdaRuntimeClientTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();

    @TempDir
    static Path workDir;

    private static RuntimeApiStub httpApi;
    private static RuntimeApiStub queueApi;
    private static Process httpRuntime;
    private static Process queueRuntime;

    /** The runtime client's JNI library, unpacked once for every child JVM of this test. */
    private static Path nativeLibrary;

    @BeforeAll
    static void startRuntimes() throws IOException {
        nativeLibrary = unpackNativeLibrary();
        httpApi = new RuntimeApiStub();
        queueApi = new RuntimeApiStub();
        httpRuntime = start(RuntimeHttpHandler.class, httpApi, "http");
        // The queue function runs under the no-code entry point, found through PORTABLEFN_FUNCTION.
        queueRuntime = start(GenericLambdaHandler.class, queueApi, "queue");
    }

    @AfterAll
    static void stopRuntimes() {
        for (Process process : new Process[] {httpRuntime, queueRuntime}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        for (RuntimeApiStub api : new RuntimeApiStub[] {httpApi, queueApi}) {
            if (api != null) {
                api.close();
            }
        }
    }

    /**
     * Left to itself, every runtime client process unpacks its JNI library to the same
     * {@code /tmp/.libaws-lambda-jni.so}, so two starting at once overwrite the file the other has mapped and
     * one dies with SIGBUS. The client loads the file its {@code NativeClient.JNI} system property names instead.
     */
    private static Path unpackNativeLibrary() throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        String resource = "/jni/libaws-lambda-jni.linux-" + arch + ".so";
        Class<?> client;
        try {
            client = Class.forName("com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the runtime interface client is not on the test classpath", e);
        }
        Path target = workDir.resolve("libaws-lambda-jni.so");
        try (var in = client.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the runtime interface client jar");
            }
            Files.copy(in, target);
        }
        return target;
    }

    private static Process start(Class<?> handler, RuntimeApiStub api, String name) throws IOException {
        return start(handler, api, name, RuntimeQueueHandler.Orders.class.getName());
    }

    private static Process start(Class<?> handler, RuntimeApiStub api, String name, String portableFunction)
            throws IOException {
        Path taskRoot = Files.createDirectories(workDir.resolve(name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + nativeLibrary,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler.getName() + "::handleRequest")
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "portable-" + name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/portable-" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]test");
        env.put("_HANDLER", handler.getName() + "::handleRequest");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("PORTABLEFN_FUNCTION", portableFunction);
        return builder.start();
    }

    private static RuntimeApiStub.Report invoke(RuntimeApiStub api, Process runtime, String name, byte[] payload)
            throws Exception {
        RuntimeApiStub.Report report = api.invoke(payload, TIMEOUT_SECONDS);
        assertThat(report).as("no report within %d s; runtime alive=%s; log:%n%s", TIMEOUT_SECONDS,
                runtime.isAlive(), log(name)).isNotNull();
        return report;
    }

    private static String log(String name) {
        File file = workDir.resolve(name + ".log").toFile();
        try {
            String text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Test
    void httpApiEventIsAnsweredInPayloadV2Shape() throws Exception {
        RuntimeApiStub.Report report = invoke(httpApi, httpRuntime, "http", Fixtures.bytes("apigw-v2-request-iam.json"));
        assertThat(report.kind()).as(log("http")).isEqualTo("response");
        JsonNode response = JSON.readTree(report.body());
        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.get("cookies").isArray()).isTrue();
        JsonNode body = JSON.readTree(response.get("body").textValue());
        assertThat(body.get("path").textValue()).isEqualTo("/my/path");
        assertThat(body.get("requestId").textValue()).isEqualTo(report.id());
        assertThat(body.get("functionName").textValue()).isEqualTo("portable-http");
        assertThat(body.get("traceId").textValue()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(body.get("remainingMillis").longValue()).isBetween(1L, 60_000L);
    }

    @Test
    void unknownPayloadIsReportedAsErrorAndTheNextRequestIsServed() throws Exception {
        RuntimeApiStub.Report error = invoke(httpApi, httpRuntime, "http", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(error.kind()).isEqualTo("error");
        assertThat(JSON.readTree(error.body()).get("errorMessage").textValue()).contains("unrecognised AWS event");
        RuntimeApiStub.Report next = invoke(httpApi, httpRuntime, "http", Fixtures.bytes("lambda-urls-request.json"));
        assertThat(next.kind()).isEqualTo("response");
        assertThat(JSON.readTree(next.body()).get("statusCode").intValue()).isEqualTo(200);
    }

    @Test
    void sqsBatchWithOneFailingRecordReportsExactlyThatRecord() throws Exception {
        byte[] batch = Fixtures.records(3, i -> Fixtures.sqsRecord("msg-" + i, i == 1 ? "please fail" : "fine",
                "arn:aws:sqs:us-east-1:123456789012:orders", null));
        RuntimeApiStub.Report report = invoke(queueApi, queueRuntime, "queue", batch);
        assertThat(report.kind()).as(log("queue")).isEqualTo("response");
        assertThat(JSON.readTree(report.body())).isEqualTo(
                JSON.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-1\"}]}"));
    }

    @Test
    void throwingFunctionIsReportedThroughTheErrorEndpointAndTheProcessKeepsServing() throws Exception {
        String event = Fixtures.text("ecr-image-push-event.json").replace("\"PUSH\"", "\"explode\"");
        RuntimeApiStub.Report error = invoke(queueApi, queueRuntime, "queue", event.getBytes(StandardCharsets.UTF_8));
        assertThat(error.kind()).as(log("queue")).isEqualTo("error");
        JsonNode body = JSON.readTree(error.body());
        assertThat(body.get("errorType").textValue()).isEqualTo(InvocationFailedException.class.getName());
        assertThat(body.get("errorMessage").textValue()).contains("EVENTBRIDGE event 13cde686-328b-6117-af20-0e5566167482 failed");
        assertThat(queueRuntime.isAlive()).isTrue();

        byte[] batch = Fixtures.records(2, i -> Fixtures.sqsRecord("ok-" + i, "fine", "arn:aws:sqs:us-east-1:1:q", null));
        RuntimeApiStub.Report next = invoke(queueApi, queueRuntime, "queue", batch);
        assertThat(next.kind()).isEqualTo("response");
        assertThat(JSON.readTree(next.body()).get("batchItemFailures")).isEmpty();
        assertThat(List.of(next.id())).doesNotContain(error.id());
    }

    @Test
    void initFailureIsReportedThroughTheInitErrorEndpointNamingTheFix() throws Exception {
        try (RuntimeApiStub api = new RuntimeApiStub()) {
            Process runtime = start(GenericLambdaHandler.class, api, "init-failure", "dev.portablefn.aws.NoSuchFunction");
            try {
                RuntimeApiStub.Report report = api.initError(TIMEOUT_SECONDS);
                assertThat(report).as("no init/error within %d s; log:%n%s", TIMEOUT_SECONDS, log("init-failure")).isNotNull();
                assertThat(report.kind()).isEqualTo("init-error");
                JsonNode body = JSON.readTree(report.body());
                assertThat(body.get("errorMessage").textValue())
                        .contains("PORTABLEFN_FUNCTION").contains("dev.portablefn.aws.NoSuchFunction");
                assertThat(runtime.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the runtime exits after init fails").isTrue();
            } finally {
                runtime.destroyForcibly();
            }
        }
    }

    @Test
    void invocationHandedOverTooCloseToItsDeadlineIsNotStartedAndAnswers503() throws Exception {
        RuntimeApiStub.Report report = httpApi.invoke(Fixtures.bytes("apigw-v2-request-iam.json"), TIMEOUT_SECONDS,
                Duration.ofMillis(20));
        assertThat(report).as("log:%n%s", log("http")).isNotNull();
        assertThat(report.kind()).as(log("http")).isEqualTo("response");
        JsonNode response = JSON.readTree(report.body());
        assertThat(response.get("statusCode").intValue()).isEqualTo(503);
        assertThat(response.at("/headers/retry-after").asText()).isEqualTo("1");
        assertThat(response.get("body").textValue()).doesNotContain("requestId");   // the function's answer never came

        RuntimeApiStub.Report next = invoke(httpApi, httpRuntime, "http", Fixtures.bytes("apigw-v2-request-iam.json"));
        assertThat(JSON.readTree(next.body()).get("statusCode").intValue()).isEqualTo(200);
    }
}
