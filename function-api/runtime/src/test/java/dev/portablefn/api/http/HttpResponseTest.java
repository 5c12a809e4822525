package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResponseTest {

    record Course(String id, Instant created) {
    }

    @Test
    void staticFactoriesSetStatus() {
        assertThat(HttpResponse.ok().status()).isEqualTo(200);
        assertThat(HttpResponse.status(418).status()).isEqualTo(418);
        assertThat(HttpResponse.noContent().status()).isEqualTo(204);
        HttpResponse created = HttpResponse.created("/courses/1");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("location")).contains("/courses/1");
        assertThat(HttpResponse.ok().bodyLength()).isZero();
        assertThat(HttpResponse.ok().contentType()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 600, -1})
    void statusOutsideRangeIsRejected(int status) {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpResponse.status(status)).withMessageContaining(String.valueOf(status));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpResponse.ok().withStatus(status));
    }

    @Test
    void eachMethodReturnsAChangedCopy() {
        HttpResponse original = HttpResponse.ok();

        HttpResponse changed = original.withStatus(202).header("X-A", "1");

        assertThat(original.status()).isEqualTo(200);
        assertThat(original.headers().isEmpty()).isTrue();
        assertThat(changed.status()).isEqualTo(202);
        assertThat(changed.header("x-a")).contains("1");
    }

    @Test
    void headerAppendsAndWithHeaderReplaces() {
        HttpResponse response = HttpResponse.ok().header("Vary", "Accept").header("vary", "Origin");

        assertThat(response.headers().all("VARY")).containsExactly("Accept", "Origin");
        assertThat(response.withHeader("Vary", "*").headers().all("vary")).containsExactly("*");
    }

    @Test
    void cookiesBecomeSetCookieHeadersInOrder() {
        HttpResponse response = HttpResponse.ok()
                .cookie(Cookie.of("a", "1"))
                .cookie(Cookie.of("b", "2").withPath("/").asHttpOnly());

        assertThat(response.cookies()).containsExactly("a=1", "b=2; Path=/; HttpOnly");
        assertThat(response.headers().all("set-cookie")).isEqualTo(response.cookies());
    }

    @Test
    void jsonWritesWithSharedCodecIncludingIsoDates() throws Exception {
        HttpResponse response = HttpResponse.status(201).json(new Course("c1", Instant.parse("2026-01-05T10:15:30Z")));

        JsonNode body = JacksonCodec.standard().readTree(response.body());
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).contains("application/json");
        assertThat(body.get("id").asText()).isEqualTo("c1");
        assertThat(body.get("created").asText()).isEqualTo("2026-01-05T10:15:30Z");
        assertThat(response.isBinary()).isFalse();
    }

    @Test
    void jsonOfNullWritesNull() {
        assertThat(HttpResponse.ok().json(null).bodyAsString()).isEqualTo("null");
    }

    @Test
    void textIsUtf8PlainText() {
        HttpResponse response = HttpResponse.ok().text("héllo");

        assertThat(response.contentType()).contains("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(response.bodyAsString()).isEqualTo("héllo");
        assertThat(response.isBinary()).isFalse();
        assertThat(HttpResponse.ok().text(null).bodyLength()).isZero();
    }

    @Test
    void binaryBodyKeepsBytesAndIsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

        HttpResponse response = HttpResponse.ok().body(png, "image/png");

        assertThat(response.body()).isEqualTo(png);
        assertThat(response.bodyLength()).isEqualTo(4);
        assertThat(response.contentType()).contains("image/png");
        assertThat(response.isBinary()).isTrue();
    }

    @Test
    void bodyWithoutContentTypeDropsTheHeaderAndCountsAsBinary() {
        HttpResponse response = HttpResponse.ok().text("x").body(new byte[] {1}, null);

        assertThat(response.contentType()).isEmpty();
        assertThat(response.isBinary()).isTrue();
    }

    @Test
    void settingABodyReplacesTheContentType() {
        HttpResponse response = HttpResponse.ok().text("x").json(1);

        assertThat(response.headers().all("content-type")).containsExactly("application/json");
    }

    @Test
    void emptyBodyIsNeverBinary() {
        assertThat(HttpResponse.ok().body(null, "image/png").isBinary()).isFalse();
    }

    @Test
    void bodyIsDefensivelyCopiedOnRead() {
        HttpResponse response = HttpResponse.ok().text("abc");

        response.body()[0] = 'z';

        assertThat(response.bodyAsString()).isEqualTo("abc");
    }

    @ParameterizedTest
    @CsvSource({
            "text/html, true", "application/json, true", "application/problem+json, true", "application/xml, true",
            "application/javascript, true", "application/x-www-form-urlencoded, true",
            "application/octet-stream; charset=utf-8, true", "TEXT/CSV, true",
            "image/png, false", "application/octet-stream, false", "application/pdf, false"})
    void textualContentTypes(String contentType, boolean textual) {
        assertThat(HttpResponse.isTextual(contentType)).isEqualTo(textual);
    }

    @ParameterizedTest
    @NullSource
    void nullContentTypeIsNotTextual(String contentType) {
        assertThat(HttpResponse.isTextual(contentType)).isFalse();
    }

    @Test
    void withoutBodyKeepsStatusAndHeaders() {
        HttpResponse response = HttpResponse.status(200).header("ETag", "\"1\"").json("x").withoutBody();

        assertThat(response.bodyLength()).isZero();
        assertThat(response.header("etag")).contains("\"1\"");
        assertThat(response.contentType()).contains("application/json");
        assertThat(response.isBinary()).isFalse();
    }

    @Test
    void notFoundAndProblemWriteProblemJson() throws Exception {
        HttpResponse response = HttpResponse.notFound("no course 7");

        JsonNode body = JacksonCodec.standard().readTree(response.body());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("title").asText()).isEqualTo("Not Found");
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("detail").asText()).isEqualTo("no course 7");
        assertThat(body.has("errors")).isFalse();
    }

    @Test
    void toStringShowsStatusAndLengthNotBody() {
        assertThat(HttpResponse.ok().text("secret").toString()).contains("status=200").contains("bodyLength=6")
                .doesNotContain("secret");
    }

    @Test
    void cookieWithMaxAgeRendersSeconds() {
        assertThat(HttpResponse.ok().cookie(Cookie.of("a", "b").withMaxAge(Duration.ofMinutes(1))).cookies())
                .containsExactly("a=b; Max-Age=60");
    }
}
