package dev.portablefn.doubles.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeHttpResponseTest {

    @Test
    void gcpResponseKeepsWhatTheWriterWroteAndForbidsMixingStreams() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        response.setStatusCode(404);
        response.setContentType("text/plain");
        response.appendHeader("X-A", "1");
        response.appendHeader("x-a", "2");
        response.getWriter().write("gone");

        assertThat(response.bodyAsString()).isEqualTo("gone");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.getHeaders().get("X-A")).containsExactly("1", "2");
        assertThat(response.getHeaders().get("content-type")).containsExactly("text/plain");
        assertThatThrownBy(response::getOutputStream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void streamAndWriterCannotBeMixedEitherWay() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();

        response.getOutputStream().write("ok".getBytes(StandardCharsets.UTF_8));

        assertThat(response.getOutputStream()).isSameAs(response.getOutputStream());
        assertThatThrownBy(response::getWriter).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getOutputStream()");
        assertThat(response.body()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statusIs200UntilSetAndItsMessageIsDroppedAsTheInvokerDrops() {
        FakeHttpResponse response = new FakeHttpResponse();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.getContentType()).isEmpty();
        assertThat(response.getHeaders()).isEmpty();

        response.setStatusCode(418, "I'm a teapot");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThatThrownBy(() -> response.setStatusCode(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("42");
        assertThat(response.getHeaders()).isEqualTo(java.util.Map.of());
        assertThat(List.of(response.toString())).containsExactly("FakeHttpResponse{418}");
    }
}
