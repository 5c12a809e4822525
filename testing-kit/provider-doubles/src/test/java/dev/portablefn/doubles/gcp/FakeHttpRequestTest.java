package dev.portablefn.doubles.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeHttpRequestTest {

    @Test
    void gcpRequestParsesHeadersCaseInsensitivelyAndQueryDecoded() throws Exception {
        FakeHttpRequest request = FakeHttpRequest.parse(("POST /a%20b?q=x%2By&q=2 HTTP/1.1\r\nX-One: 1\r\nx-one: 2\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\nbody").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(request.getPath()).isEqualTo("/a%20b");
        assertThat(request.getQuery()).contains("q=x%2By&q=2");
        assertThat(request.getQueryParameters().get("q")).containsExactly("x+y", "2");
        assertThat(request.getHeaders().get("X-ONE")).containsExactly("1", "2");
        assertThat(request.getCharacterEncoding()).contains("ISO-8859-1");
        assertThat(request.getReader().readLine()).isEqualTo("body");
        assertThatThrownBy(request::getParts).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FakeHttpRequest.parse("nonsense".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank line");
    }

    @Test
    void builtRequestWritesTheBytesItParsesBackFrom() {
        FakeHttpRequest built = FakeHttpRequest.builder("put", "/files/a%20b").query("tag", "x").query("tag", "y z")
                .header("X-Tenant", "t-1").body("hi").build();

        FakeHttpRequest parsed = FakeHttpRequest.parse(built.toBytes());

        assertThat(parsed.getMethod()).isEqualTo("PUT");
        assertThat(parsed.getPath()).isEqualTo("/files/a%20b");
        assertThat(parsed.getQueryParameters()).containsEntry("tag", List.of("x", "y z"));
        assertThat(parsed.getFirstHeader("x-tenant")).contains("t-1");
        assertThat(parsed.getFirstHeader("Host")).contains("localhost:8080");
        assertThat(parsed.getContentLength()).isEqualTo(2);
        assertThat(built.getUri()).isEqualTo("http://localhost:8080/files/a%20b?tag=x&tag=y+z");
    }

    @Test
    void headersAreANewMapOnEveryCallAsTheInvokerBuildsThem() {
        FakeHttpRequest request = FakeHttpRequest.builder("GET", "https://orders.a.run.app/").header("Accept", "*/*").build();

        Map<String, List<String>> first = request.getHeaders();
        first.clear();

        assertThat(request.getHeaders()).isNotSameAs(first).containsEntry("accept", List.of("*/*"));
        assertThat(request.getUri()).isEqualTo("https://orders.a.run.app/");
        assertThat(request.getQuery()).isEmpty();
        assertThat(request.getQueryParameters()).isEmpty();
    }

    @Test
    void requestOverParsedFieldsFindsTheContentTypeWhateverTheCaseOfItsName() throws Exception {
        FakeHttpRequest.HeaderFields fields = FakeHttpRequest.HeaderFields.of(
                Map.of("CONTENT-TYPE", List.of("application/json"), "Accept", List.of("*/*")));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        FakeHttpRequest request = FakeHttpRequest.of("POST", "/orders", fields, body);

        assertThat(request.getContentType()).contains("application/json");
        assertThat(request.getFirstHeader("accept")).contains("*/*");
        assertThat(request.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(request.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(FakeHttpRequest.of("GET", "/", FakeHttpRequest.HeaderFields.of(Map.of()), new byte[0])
                .getContentType()).isEmpty();
    }

    @Test
    void anInvalidTargetIsRejectedNamingIt() {
        assertThatThrownBy(() -> FakeHttpRequest.builder("GET", "/a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/a b'");
    }
}
