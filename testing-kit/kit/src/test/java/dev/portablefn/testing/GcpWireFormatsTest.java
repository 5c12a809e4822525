package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The kit reads and writes the Functions Framework's wire formats around the provider doubles (the doubles themselves
 * are tested in the provider-doubles module) as the framework does.
 */
class GcpWireFormatsTest {

    @Test
    void cloudEventReadsStructuredJsonWithBase64DataAndExtensions() {
        FakeCloudEvent event = GcpEvents.cloudEvent(("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"//x/y\","
                + "\"type\":\"t\",\"time\":\"2024-05-01T10:00:00Z\",\"traceparent\":\"00-abc\",\"data_base64\":\"aGk=\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getSource()).hasToString("//x/y");
        assertThat(event.getTime()).hasToString("2024-05-01T10:00Z");
        assertThat(event.getExtensionNames()).containsExactly("traceparent");
        assertThat(event.getData().toBytes()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(event.getAttribute("type")).isEqualTo("t");
        assertThatThrownBy(() -> event.getAttribute("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GcpEvents.cloudEvent("{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'id'");
    }

    @Test
    void cloudEventDataIsJsonTextForJsonAndTheStringsBytesOtherwise() {
        FakeCloudEvent json = GcpEvents.cloudEvent(("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\","
                + "\"data\":{\"a\":1}}").getBytes(StandardCharsets.UTF_8));
        FakeCloudEvent text = GcpEvents.cloudEvent(("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\","
                + "\"datacontenttype\":\"text/plain\",\"data\":\"hi\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(new String(json.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(text.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThatThrownBy(() -> GcpEvents.cloudEvent("{\"specversion\":\"0.3\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.3");
        assertThatThrownBy(() -> GcpEvents.cloudEvent("[]".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }

    @Test
    void gcpResponseIsWrittenAsTheHttp11BytesTheFrameworkSends() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        response.setStatusCode(404);
        response.setContentType("text/plain");
        response.appendHeader("X-A", "1");
        response.appendHeader("x-a", "2");
        response.getWriter().write("gone");

        assertThat(new String(GcpDriver.wireBytes(response), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 404 Not Found\r\n")
                .contains("Content-Type: text/plain\r\n", "X-A: 1\r\nX-A: 2\r\n", "Content-Length: 4\r\n")
                .endsWith("\r\n\r\ngone");
    }
}
