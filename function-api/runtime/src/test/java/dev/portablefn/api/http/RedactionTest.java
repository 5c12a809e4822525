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
}
