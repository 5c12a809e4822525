package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.runtime.internal.json.JsonRedaction;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "cookie", "Set-Cookie", "X-API-Key", "Proxy-Authorization"})
    void credentialHeadersNeverAppearWhenHeadersAreLogged(String name) {
        HttpHeaders headers = HttpHeaders.of(name, "secret-value", "Accept", "application/json");

        assertThat(headers.toString()).doesNotContain("secret-value").contains(Redaction.MASK).contains("application/json");
        assertThat(Redaction.standard().headers(headers)).containsEntry(name.toLowerCase(java.util.Locale.ROOT), List.of(Redaction.MASK));
    }

    @Test
    void configuredHeadersAreHiddenToo() {
        HttpHeaders headers = HttpHeaders.of("X-Session", "abc", "X-Request-Id", "r-1");

        var safe = Redaction.standard().withHeaders("x-session").headers(headers);

        assertThat(safe).containsEntry("x-session", List.of(Redaction.MASK)).containsEntry("x-request-id", List.of("r-1"));
    }

    @Test
    void configuredJsonFieldsAreHiddenAtAnyDepthWithoutChangingTheOriginal() throws Exception {
        JsonNode json = JacksonCodec.standard().readTree(
                "{\"user\":\"ada\",\"password\":\"p\",\"cards\":[{\"number\":\"4111\",\"exp\":\"12/30\"}]}".getBytes(StandardCharsets.UTF_8));

        JsonNode safe = JsonRedaction.apply(Redaction.standard().withJsonFields("password", "number"), json);

        assertThat(safe.toString()).doesNotContain("\"p\"").doesNotContain("4111").contains("ada").contains("12/30");
        assertThat(json.get("password").asText()).isEqualTo("p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-functions-key", "X-Amzn-Oidc-Accesstoken", "x-amzn-oidc-data", "X-MS-TOKEN-AAD-ID-TOKEN",
        "x-ms-token-aad-refresh-token", "x-ms-client-principal", "X-MS-CLIENT-PRINCIPAL-NAME", "x-goog-iap-jwt-assertion",
        "x-goog-api-key", "x-serverless-authorization"})
    void providerCredentialHeadersAreHidden(String name) {
        HttpHeaders headers = HttpHeaders.of(name, "secret-value");

        assertThat(headers.toString()).doesNotContain("secret-value").contains(Redaction.MASK);
        assertThat(Redaction.standard().hidesHeader(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Auth-Token", "X-Client-Secret", "X-Partner-Key", "X-Custom-Authentication", "X-Db-Password"})
    void headersNamedLikeCredentialsAreHidden(String name) {
        assertThat(HttpHeaders.of(name, "secret-value").toString()).doesNotContain("secret-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "Content-Type", "X-Request-Id", "User-Agent", "Traceparent"})
    void ordinaryHeadersStayVisible(String name) {
        assertThat(Redaction.standard().hidesHeader(name)).isFalse();
        assertThat(HttpHeaders.of(name, "plain-value").toString()).contains("plain-value");
    }

    @Test
    void controlCharactersCannotForgeALogLine() {
        String forged = "/orders\n2026-01-01 INFO admin logged in\r\u0000\u2028end\\n";

        String logged = Redaction.forLog(forged, 1000);

        assertThat(logged).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000").doesNotContain("\u2028")
                .isEqualTo("/orders\\n2026-01-01 INFO admin logged in\\r\\u0000\\u2028end\\\\n");
        assertThat(HttpHeaders.of("X-Note", "a\nb").toString()).contains("a\\nb").doesNotContain("\n");
    }

    @Test
    void textIsCutAndPlainTextIsNotCopied() {
        String plain = "/orders/42";

        assertThat(Redaction.forLog(plain, 100)).isSameAs(plain);
        assertThat(Redaction.forLog("x".repeat(500), 10)).isEqualTo("xxxxxxxxxx...");
        assertThat(Redaction.forLog(null, 10)).isEqualTo("null");
    }
}
