package dev.portablefn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 'portablefn event' prints payloads the adapters take: each kind is fed back to 'decode' or 'invoke'. */
class EventCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path printed(String... args) throws Exception {
        assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path file = Files.createTempFile(dir, "event", ".json");
        Files.write(file, out.toByteArray());
        return file;
    }

    private JsonNode decoded(String provider, Path event) throws Exception {
        assertThat(run("decode", "--provider", provider, "--event", event.toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JacksonCodec.standard().readTree(out.toByteArray());
    }

    @Test
    void anApiGatewayEventCarriesTheMethodPathHeadersAndBodyToTheFunction() throws Exception {
        Path event = printed("event", "aws", "apigw-v2", "--method", "POST", "--path", "/orders?page=2",
                "--header", "X-Tenant: t-1", "--body", "{\"item\":\"book\"}");

        int status = run("invoke", "--provider", "aws", "--function", CliTest.EchoFunction.class.getName(),
                "--event", event.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(JacksonCodec.standard().readTree(out.toByteArray()).get("body").asText())
                .isEqualTo("you asked for /orders");
    }

    @ParameterizedTest
    @CsvSource({"aws,sqs,QUEUE", "aws,sns,TOPIC", "aws,kinesis,STREAM", "gcp,pubsub,TOPIC", "azure,queue,QUEUE",
            "azure,event-grid,TOPIC"})
    void aMessageKindDecodesWithItsBodyAndTrigger(String provider, String kind, String trigger) throws Exception {
        Path event = printed("event", provider, kind, "--body", "{\"item\":\"book\"}", "--attribute", "region=eu");

        JsonNode events = decoded(provider, event);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("trigger").asText()).isEqualTo(trigger);
        assertThat(events.get(0).get("data").toString()).contains("book");
    }

    @ParameterizedTest
    @CsvSource({"aws,s3", "gcp,storage", "azure,blob"})
    void aStorageKindDecodesToTheObject(String provider, String kind) throws Exception {
        Path event = printed("event", provider, kind, "--bucket", "uploads", "--key", "lessons/1.mp4", "--size", "42");

        JsonNode events = decoded(provider, event);

        assertThat(events.get(0).get("trigger").asText()).isEqualTo("STORAGE");
        assertThat(events.get(0).get("data").get("key").asText()).isEqualTo("lessons/1.mp4");
        assertThat(events.get(0).get("data").get("size").asLong()).isEqualTo(42);
    }

    @Test
    void aGcpHttpKindIsAnHttpRequestTheFrameworkServes() throws Exception {
        Path event = printed("event", "gcp", "http", "--method", "GET", "--path", "/courses/3");

        assertThat(Files.readString(event)).startsWith("GET /courses/3 HTTP/1.1\r\n");
        assertThat(run("invoke", "--provider", "gcp", "--function", CliTest.EchoFunction.class.getName(),
                "--event", event.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("you asked for /courses/3");
    }

    @Test
    void anUnknownKindOrOptionExitsWith2AndOneLine() {
        assertThat(run("event", "aws", "carrier-pigeon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no event kind 'carrier-pigeon'").hasLineCount(1);
        assertThat(run("event", "aws", "sqs", "--colour", "red")).isEqualTo(2);
        assertThat(run("event", "aws", "s3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bucket");
    }
}
